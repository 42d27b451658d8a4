package com.chatsuite.support.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that has just started reads {@code auth.revocations} from its beginning;
 * until it has read every partition to the end it had when assigned, a token it checks
 * waits, and after a while is answered as not verifiable, rather than pass unchecked.
 */
class RevocationCatchUpTests {

	private static final TopicPartition FIRST = new TopicPartition(Topics.AUTH_REVOCATIONS, 0);

	private static final TopicPartition EMPTY = new TopicPartition(Topics.AUTH_REVOCATIONS, 1);

	private final MutableClock clock = MutableClock.startingNow();

	private final EventJson json = new EventJson();

	private final RevocationList list = new RevocationList(this.clock);

	private final RevocationListener listener = new RevocationListener(this.list, this.json,
			(partitions) -> Map.of(FIRST, 12L, EMPTY, 3L));

	@Test
	void theListHasCaughtUpOnceEveryPartitionIsReadToItsEndAsAssigned() {
		assertThat(this.list.isCaughtUp()).isFalse();
		// The empty partition starts at its end (3), the other at 10 (compaction removed
		// what came before).
		this.listener.onPartitionsAssigned(Map.of(FIRST, 10L, EMPTY, 3L), null);
		assertThat(this.list.isCaughtUp()).isFalse();
		this.listener.onRevocation(record(10));
		assertThat(this.list.isCaughtUp()).isFalse();
		this.listener.onRevocation(record(11));
		assertThat(this.list.isCaughtUp()).isTrue();
	}

	@Test
	void aListNobodyFillsHasNothingToWaitFor() {
		assertThat(new RevocationList(this.clock).isCaughtUp()).isTrue();
	}

	@Test
	void aTokenWaitsForTheListThenIsChecked() {
		TokenVerifier verifier = verifier();
		StepVerifier.create(verifier.verify(TestTokens.shared().addon("org-1", "livechat"), Set.of(TokenKind.ADDON)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.then(() -> this.listener.onPartitionsAssigned(Map.of(FIRST, 12L, EMPTY, 3L), null))
			// No signing key is known here: checked, the token is refused, not waiting.
			.expectErrorSatisfies((ex) -> assertThat(((TokenRejectedException) ex).reason())
				.isNotEqualTo(TokenRejectedException.Reason.UNVERIFIABLE))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aTokenThatWaitedTooLongIsNotVerifiable() {
		StepVerifier
			.withVirtualTime(
					() -> verifier().verify(TestTokens.shared().addon("org-1", "livechat"), Set.of(TokenKind.ADDON)))
			.expectSubscription()
			.thenAwait(TokenVerifier.CATCH_UP_WAIT)
			.expectErrorSatisfies((ex) -> {
				assertThat(((TokenRejectedException) ex).reason())
					.isEqualTo(TokenRejectedException.Reason.UNVERIFIABLE);
				assertThat(ex).hasMessage("revocations are still being read");
			})
			.verify(Duration.ofSeconds(5));
	}

	private TokenVerifier verifier() {
		SecurityProperties properties = new SecurityProperties(URI.create("http://127.0.0.1:1/jwks"), "chat-suite",
				Duration.ofSeconds(30), Duration.ofSeconds(5), 100, Duration.ofMinutes(1));
		return new TokenVerifier((keyId) -> Mono.empty(), this.list, properties, this.clock);
	}

	private ConsumerRecord<String, byte[]> record(long offset) {
		CloudEvent<?> event = CloudEvent
			.of("auth-service", "session-" + offset, "org-1",
					new TokenRevoked(RevocationScope.SESSION, "session-" + offset, "livechat", "logout",
							this.clock.instant(), this.clock.instant().plus(Duration.ofHours(1))),
					this.clock.instant());
		return new ConsumerRecord<>(FIRST.topic(), FIRST.partition(), offset, "session-" + offset,
				this.json.toBytes(event));
	}

}
