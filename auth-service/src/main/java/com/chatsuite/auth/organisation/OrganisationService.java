package com.chatsuite.auth.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.security.Passwords;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates organisations, installs and removes their addons, disables and enables them.
 */
@Service
public class OrganisationService {

	private static final Pattern SUB_DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final OrganisationRepository organisations;

	private final Passwords passwords;

	/** How long the removal of an addon is remembered: API keys never expire. */
	private static final long ADDON_REVOCATION_YEARS = 100;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final AuthProperties properties;

	private final Clock clock;

	OrganisationService(OrganisationRepository organisations, Passwords passwords, OutboxWrites writes,
			OutboxEvents events, AuthProperties properties, Clock clock) {
		this.organisations = organisations;
		this.writes = writes;
		this.passwords = passwords;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates an organisation.
	 * @param domain its sub domain
	 * @param email its owner's email
	 * @param password its password (at least 8 characters)
	 * @param addons the addons to install
	 * @return the new organisation; 400 for bad input, 409 when the sub domain is taken
	 */
	public Mono<Organisation> create(String domain, String email, String password, List<String> addons) {
		String subDomain = domain.toLowerCase(Locale.ROOT);
		if (!SUB_DOMAIN.matcher(subDomain).matches()) {
			return Mono.error(ApiException.badRequest("organisation_domain",
					"organisation_domain must be a sub domain name: letters, digits and inner hyphens, at most 63"));
		}
		if (!EMAIL.matcher(email).matches()) {
			return Mono.error(ApiException.badRequest("email", "email is not a valid email address"));
		}
		if (password.length() < 8) {
			return Mono.error(ApiException.badRequest("password", "password must have at least 8 characters"));
		}
		Set<String> installed = new HashSet<>();
		for (String addon : addons) {
			installed.add(knownAddon(addon, "addons"));
		}
		return this.passwords.hash(password)
			.map((hash) -> newOrganisation(subDomain, email, hash, installed))
			.flatMap(this.writes::insert)
			.onErrorMap(DuplicateKeyException.class, (ex) -> ApiException.conflict("organisation_domain",
					"organisation_domain '" + subDomain + "' is already taken"));
	}

	/**
	 * Provisions the organisation of a partner's workspace, with the workspace's id,
	 * once: an organisation of that id already there is answered as it is. The password
	 * comes hashed by partner-service.
	 * @param id the workspace id, the new organisation's id
	 * @param domain its sub domain
	 * @param email its owner's email
	 * @param passwordHash the owner's password hash
	 * @param addons the addons to install; unknown ones are left out
	 * @return the organisation; empty when the sub domain is taken by another
	 * organisation
	 */
	public Mono<Organisation> provision(String id, String domain, String email, String passwordHash,
			List<String> addons) {
		Set<String> installed = new TreeSet<>(addons);
		installed.retainAll(this.properties.addons());
		String subDomain = domain.toLowerCase(Locale.ROOT);
		return this.organisations.findById(id)
			.switchIfEmpty(
					Mono.defer(() -> this.writes.insert(newOrganisation(id, subDomain, email, passwordHash, installed))
						.onErrorResume(DuplicateKeyException.class, (ex) -> this.organisations.findById(id))));
	}

	private Organisation newOrganisation(String subDomain, String email, String hash, Set<String> addons) {
		return newOrganisation(UUID.randomUUID().toString(), subDomain, email, hash, addons);
	}

	private Organisation newOrganisation(String id, String subDomain, String email, String hash, Set<String> addons) {
		Instant now = this.clock.instant();
		OrganisationCreated created = new OrganisationCreated(id, subDomain, List.copyOf(new TreeSet<>(addons)), now);
		return new Organisation(id, subDomain, email.toLowerCase(Locale.ROOT), hash, OrganisationStatus.ACTIVE, addons,
				now, now, null, List.of(this.events.of(id, id, created)));
	}

	public Mono<Organisation> find(String id) {
		return this.organisations.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("id", "organisation '" + id + "' does not exist")));
	}

	public Mono<Organisation> findByDomain(String domain) {
		return this.organisations.findByOrganisationDomain(domain.toLowerCase(Locale.ROOT));
	}

	/**
	 * Installs an addon for an organisation, announced on {@code auth.organisations}.
	 * @param id the organisation id
	 * @param addon the addon
	 * @return the organisation; unchanged when the addon was installed already
	 */
	public Mono<Organisation> installAddon(String id, String addon) {
		String known = knownAddon(addon, "addon");
		Mono<Organisation> step = Mono.defer(() -> find(id).flatMap((organisation) -> {
			if (organisation.hasAddon(known)) {
				return Mono.just(organisation);
			}
			Set<String> addons = new TreeSet<>(organisation.addons());
			addons.add(known);
			AddonInstalled installed = new AddonInstalled(organisation.id(), known, this.clock.instant());
			return write(organisation, Update.update("addons", addons), List.of(installed));
		}));
		return ConcurrentChange.retrying(step, "id");
	}

	/**
	 * Removes an addon from an organisation: every token the organisation holds for it
	 * (access, agent and API key tokens issued until now) is refused everywhere,
	 * announced on {@code auth.revocations}. Installed again, the addon gets new tokens.
	 * @param id the organisation id
	 * @param addon the addon
	 * @return the organisation
	 */
	public Mono<Organisation> removeAddon(String id, String addon) {
		String known = knownAddon(addon, "addon");
		Mono<Organisation> step = Mono.defer(() -> find(id).flatMap((organisation) -> {
			if (!organisation.hasAddon(known)) {
				return Mono.error(
						ApiException.notFound("addon", "addon '" + known + "' is not installed for this organisation"));
			}
			Set<String> addons = new TreeSet<>(organisation.addons());
			addons.remove(known);
			Instant now = this.clock.instant();
			// API keys do not expire: the revocation is kept as long as any could be
			// used.
			TokenRevoked revoked = new TokenRevoked(RevocationScope.SUBJECT, organisation.id(), known, "addon removed",
					now, now.plus(Duration.ofDays(365L * ADDON_REVOCATION_YEARS)));
			return write(organisation, Update.update("addons", addons),
					List.of(revoked, new AddonRemoved(organisation.id(), known, now)));
		}));
		return ConcurrentChange.retrying(step, "id");
	}

	/**
	 * Disables an organisation: its logins fail and every token of it is refused
	 * everywhere, announced on {@code auth.revocations}.
	 * @param id the organisation id
	 * @return the organisation
	 */
	public Mono<Organisation> disable(String id) {
		Mono<Organisation> step = Mono.defer(() -> find(id).flatMap((organisation) -> {
			if (!organisation.isActive()) {
				return Mono.just(organisation);
			}
			OrganisationDisabled data = new OrganisationDisabled(organisation.id(), organisation.organisationDomain(),
					this.clock.instant());
			return write(organisation, Update.update("status", OrganisationStatus.DISABLED), List.of(data));
		}));
		return ConcurrentChange.retrying(step, "id");
	}

	public Mono<Organisation> enable(String id) {
		Mono<Organisation> step = Mono.defer(() -> find(id).flatMap((organisation) -> {
			if (organisation.isActive()) {
				return Mono.just(organisation);
			}
			OrganisationEnabled data = new OrganisationEnabled(organisation.id(), organisation.organisationDomain(),
					this.clock.instant());
			return write(organisation, Update.update("status", OrganisationStatus.ACTIVE), List.of(data));
		}));
		return ConcurrentChange.retrying(step, "id");
	}

	/**
	 * Writes a change of an organisation read before, with its events, unless it changed
	 * in the meantime ({@link ConcurrentChange}).
	 */
	private Mono<Organisation> write(Organisation organisation, Update changes, List<EventData> data) {
		List<OutboxEvent> outbox = data.stream()
			.map((event) -> this.events.of(subject(organisation, event), organisation.id(), event))
			.toList();
		return this.writes.update(Organisation.class, organisation.id(), organisation.version(), changes, outbox);
	}

	/** The Kafka key: an addon's revocation is keyed by what it revokes. */
	private static String subject(Organisation organisation, EventData event) {
		return (event instanceof TokenRevoked revoked) ? "organisation:" + organisation.id() + ":" + revoked.addon()
				: organisation.id();
	}

	/**
	 * Checks an addon name against the addons the platform offers.
	 * @param addon the name given
	 * @param field the request field or path variable it came in, named in the error
	 * @return the name; 404 when no such addon exists
	 */
	public String knownAddon(String addon, String field) {
		if (!this.properties.addons().contains(addon)) {
			throw ApiException.notFound(field, "addon '" + addon + "' does not exist");
		}
		return addon;
	}

}
