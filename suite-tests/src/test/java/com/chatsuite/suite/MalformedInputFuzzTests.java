package com.chatsuite.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.suite.ApiOperations.Operation;
import com.chatsuite.suite.ApiOperations.Parameter;
import com.chatsuite.suite.MalformedRequests.Case;
import com.chatsuite.suite.MalformedRequests.Fixtures;
import com.chatsuite.suite.RawHttp.Response;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends malformed requests through the running gateway to every operation of every
 * service's OpenAPI document (read from the gateway's {@code /docs}) and to the gateway's
 * own paths: broken JSON, wrong types, huge and negative numbers, unicode and control
 * characters, duplicate keys, wrong media types, missing and repeated headers, oversized
 * bodies, path traversal in ids and unexpected methods. No answer may be a 5xx, show a
 * stack frame or a class name, or be a 4xx outside its API family's error shape.
 * <p>
 * CI sends {@value #DEFAULT_REQUESTS} requests with a fixed seed; {@code bench/fuzz.sh}
 * sends more ({@code -Dfuzz.requests}, {@code -Dfuzz.seed}). Each request comes from a
 * loopback address of its own, as if from many clients, so the per-address rate limits
 * let it through to the services' own checks.
 * <p>
 * Requests go two at a time: the test is about answers, not load. With four at a time
 * (hundreds of kilobytes each) on a two-core machine that also runs the six services, the
 * broker and the store, the slowest took 2 s, and past the gateway's 5 s limit (a 503
 * that says nothing about the input) when something else loaded the machine too. The
 * report lists the slowest requests.
 */
class MalformedInputFuzzTests {

	private static final int DEFAULT_REQUESTS = 2_000;

	private static final long DEFAULT_SEED = 20261201L;

	private static final int THREADS = 2;

	private final SuiteApi api = SuiteApi.connect();

	private final WebTestClient gateway = this.api.gateway();

	@Test
	void noMalformedRequestGetsA5xxAStackTraceOrAnAnswerOutsideItsFamilysErrorShape() throws Exception {
		int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
		long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
		String only = System.getProperty("fuzz.operations", "");
		List<Operation> operations = operations().stream()
			.filter((operation) -> only.isEmpty() || operation.toString().matches(only))
			.toList();
		assertThat(operations).as("operations matching fuzz.operations '%s'", only).isNotEmpty();
		MalformedRequests generator = new MalformedRequests(operations, fixtures(), seed);
		URI gatewayUri = URI.create(RunningSuite.get().gatewayUrl());
		InetSocketAddress target = new InetSocketAddress(gatewayUri.getHost(), gatewayUri.getPort());

		Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int first = thread;
				work.add(pool.submit(() -> {
					for (int n = first; n < requests; n += THREADS) {
						outcomes.put(n, send(generator.generate(n), target, n));
					}
					return null;
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		Report report = new Report(operations, outcomes, took, seed);
		report.print();
		assertThat(outcomes).hasSize(requests);
		assertThat(report.faults()).extracting((fault) -> fault.fuzzCase().operation() + ": " + fault.fault())
			.as("malformed requests answered wrongly (seed %d, see target/fuzz-report.txt):%n%s", seed,
					report.faultExamples())
			.isEmpty();
		assertThat(report.operationsOnlyRefusedAtTheDoor())
			.as("operations whose every request was refused 401/429: the fuzzer's credentials do not reach them")
			.isEmpty();
	}

	private static Outcome send(Case fuzzCase, InetSocketAddress target, int n) {
		InetAddress from = loopbackAddress(n);
		long started = System.nanoTime();
		try {
			Response response = RawHttp.exchange(from, target, fuzzCase.request(), 60_000);
			String fault = ErrorShapes.fault(fuzzCase.request().method(), fuzzCase.request().path(), response);
			return new Outcome(fuzzCase, response.status(), fault, (fault != null) ? response.bodyText() : null,
					System.nanoTime() - started);
		}
		catch (IOException ex) {
			return new Outcome(fuzzCase, 0, "no answer: " + ex.getMessage(), null, System.nanoTime() - started);
		}
	}

	/** 127.x.y.z, a different one for each request. */
	private static InetAddress loopbackAddress(int n) {
		try {
			return InetAddress
				.getByAddress(new byte[] { 127, (byte) (1 + ((n >> 16) & 0x7f)), (byte) (n >> 8), (byte) n });
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every operation the gateway's documents list, and the gateway's own paths. */
	private List<Operation> operations() {
		JsonNode config = SuiteApi.body(this.gateway.get().uri("/v3/api-docs/swagger-config").exchange());
		List<Operation> operations = new ArrayList<>();
		List<String> services = new ArrayList<>();
		for (JsonNode document : config.path("urls")) {
			String service = document.path("name").asString();
			services.add(service);
			operations.addAll(ApiOperations.read(service,
					SuiteApi.body(this.gateway.get().uri("/v3/api-docs/" + service).exchange().expectStatus().isOk())));
		}
		assertThat(services).contains("auth-service", "operator-domain-service", "partner-service", "ticket-service",
				"chat-room-service");
		// Paths no document lists, each with the credentials of its family, so that they
		// get
		// past the gateway's token check.
		Parameter any = new Parameter("name", "path", "string", List.of(), true);
		Map<String, List<List<String>>> extras = new LinkedHashMap<>();
		List<List<String>> anyone = List.of(List.of());
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/v3/api-docs/{name}",
				"/docs/{name}", "/{name}", "/api/v2/{name}/")) {
			extras.put(path, anyone);
		}
		extras.put("/v1/{name}", List.of(List.of("agentToken")));
		extras.put("/admin/{name}", List.of(List.of("accessToken")));
		extras.put("/partner/{name}", List.of(List.of("apiKey")));
		extras.forEach((path, security) -> operations
			.add(new Operation("gateway", "GET", path, path.contains("{") ? List.of(any) : List.of(), null, security)));
		operations.add(new Operation("gateway", "POST", "/auth/{name}", List.of(any), Map.of(),
				List.of(List.of("accessToken"))));
		return operations;
	}

	/**
	 * An organisation with an operator, its agent token, a domain, a room and a QR id.
	 */
	private Fixtures fixtures() {
		String addonToken = this.api.newOrganisationToken();
		String orgId = SuiteApi.orgIdOf(addonToken);
		String operatorId = this.api.newOperator(addonToken, "Fuzz");
		String agentToken = this.api.agentToken(addonToken, operatorId);
		String domain = "fuzz-" + orgId.substring(0, Math.min(8, orgId.length())).toLowerCase() + ".example";
		this.api.post(addonToken, "/admin/domain/create", Map.of("domain_name", domain, "email", "owner@" + domain))
			.expectStatus()
			.isOk();
		JsonNode room = await().atMost(Duration.ofSeconds(30))
			.until(() -> SuiteApi.body(this.gateway.post()
				.uri("/api/v2/room-control/")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user_id", "fuzz-visitor", "org_id", orgId, "portfolio_name", "Fuzz", "product_name",
						domain))
				.exchange()), (answer) -> answer.path("success").asBoolean());
		String qrId = SuiteApi
			.body(this.gateway.post()
				.uri("/api/v2/qr-ids/{org}/", orgId)
				.headers((headers) -> headers.setBearerAuth(agentToken))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("count", 1))
				.exchange()
				.expectStatus()
				.isOk())
			.path("qr_id_list")
			.path(0)
			.asString();
		String spareOperatorId = this.api.newOperator(addonToken, "Spare");
		String spareOrgId = SuiteApi.orgIdOf(this.api.newOrganisationToken());
		String partnerKey = SuiteApi.data(this.api.post(this.api.demoToken("partner"), "/auth/api-keys",
				Map.of("name", "fuzz", "permissions", PartnerPermission.names())))
			.path("api_key")
			.asString();
		String workspaceId = SuiteApi
			.data(this.gateway.post()
				.uri("/partner/workspace/create")
				.headers((headers) -> headers.setBearerAuth(partnerKey))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "Fuzz shop", "sub_domain", "fuzz-" + spareOrgId.substring(0, 8), "plan",
						"starter", "client", Map.of("email", "owner@" + domain, "name", "Fuzz Owner")))
				.exchange()
				.expectStatus()
				.isCreated())
			.path("id")
			.asString();
		return new Fixtures(addonToken, agentToken, this.api.platformToken(),
				room.path("response").path("room_token").asString(), orgId, room.path("inserted_id").asString(), qrId,
				spareOperatorId, domain, spareOrgId, partnerKey, workspaceId);
	}

	/**
	 * What one request got.
	 *
	 * @param fuzzCase the request
	 * @param status the status, {@code 0} without an answer
	 * @param fault what is wrong with the answer, if anything
	 * @param body the body of a faulty answer
	 * @param nanos how long the answer took
	 */
	record Outcome(Case fuzzCase, int status, String fault, String body, long nanos) {
	}

	/** Counts by status, damage and family, and the faults, printed for the log. */
	record Report(List<Operation> operations, Map<Integer, Outcome> outcomes, Duration took, long seed) {

		List<Outcome> faults() {
			return new TreeMap<>(this.outcomes).values().stream().filter((outcome) -> outcome.fault() != null).toList();
		}

		List<Operation> operationsOnlyRefusedAtTheDoor() {
			ConcurrentMap<Operation, Boolean> reached = new ConcurrentHashMap<>();
			this.operations.forEach((operation) -> reached.put(operation, false));
			this.outcomes.values()
				.stream()
				.filter((outcome) -> outcome.status() != 401 && outcome.status() != 429)
				.forEach((outcome) -> reached.put(outcome.fuzzCase().operation(), true));
			return this.operations.stream().filter((operation) -> !reached.get(operation)).toList();
		}

		void print() throws IOException {
			StringBuilder text = new StringBuilder();
			text.append(String.format("Fuzz: %d malformed requests to %d operations in %.1f s (seed %d)%n",
					this.outcomes.size(), this.operations.size(), this.took.toMillis() / 1000.0, this.seed));
			text.append("  by status: ").append(count((outcome) -> String.valueOf(outcome.status()))).append('\n');
			text.append("  by damage: ").append(count((outcome) -> outcome.fuzzCase().damage().name())).append('\n');
			text.append("  by family: ")
				.append(count((outcome) -> ErrorShapes.family(outcome.fuzzCase().request().path())))
				.append('\n');
			AtomicLongArray classes = new AtomicLongArray(6);
			this.outcomes.values().forEach((outcome) -> classes.incrementAndGet(Math.min(5, outcome.status() / 100)));
			text.append(String.format("  2xx %d, 3xx %d, 4xx %d, 5xx %d, no answer %d; faults %d%n", classes.get(2),
					classes.get(3), classes.get(4), classes.get(5), classes.get(0), faults().size()));
			text.append("  slowest:\n");
			this.outcomes.values()
				.stream()
				.sorted(Comparator.comparingLong(Outcome::nanos).reversed())
				.limit(5)
				.forEach((outcome) -> text.append(String.format("    %d ms %s %s [%s] -> %d%n",
						outcome.nanos() / 1_000_000, outcome.fuzzCase().request().method(),
						abbreviate(outcome.fuzzCase().request().target(), 100), outcome.fuzzCase().damage(),
						outcome.status())));
			text.append(faultExamples());
			System.out.print(text);
			Path report = Path.of("target/fuzz-report.txt");
			Files.createDirectories(report.getParent());
			Files.writeString(report, text);
		}

		/**
		 * Each kind of fault once (at most 60), with an example request and its answer.
		 */
		String faultExamples() {
			StringBuilder text = new StringBuilder();
			Map<String, List<Outcome>> kinds = new TreeMap<>(faults().stream()
				.collect(Collectors.groupingBy((fault) -> fault.fuzzCase().operation() + ": " + fault.fault())));
			kinds.values().stream().limit(60).forEach((same) -> {
				Outcome fault = same.get(0);
				String headers = fault.fuzzCase()
					.request()
					.headers()
					.stream()
					.map((header) -> header[0] + ": " + abbreviate(header[1], 40))
					.collect(Collectors.joining(", "));
				byte[] sent = fault.fuzzCase().request().body();
				String body = (sent != null) ? abbreviate(new String(sent, StandardCharsets.UTF_8), 120) : "no body";
				text.append(String.format("  FAULT x%d %s: %s%n      e.g. %s %s [%s] {%s} (%s) -> %s after %d ms%n",
						same.size(), fault.fuzzCase().operation(), fault.fault(), fault.fuzzCase().request().method(),
						abbreviate(fault.fuzzCase().request().target(), 160), fault.fuzzCase().damage(), headers, body,
						abbreviate(String.valueOf(fault.body()), 300), fault.nanos() / 1_000_000));
			});
			return text.toString();
		}

		private String count(Function<Outcome, String> key) {
			return new TreeMap<>(
					this.outcomes.values().stream().collect(Collectors.groupingBy(key, Collectors.counting())))
				.toString();
		}

		private static String abbreviate(String text, int length) {
			String flat = text.replaceAll("[\\r\\n]+", " ");
			return (flat.length() <= length) ? flat : flat.substring(0, length) + "...(" + flat.length() + " chars)";
		}

	}

}
