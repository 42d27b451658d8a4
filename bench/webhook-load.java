import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load generator of bench/webhook-bench.sh: a webhook receiver on a local port, partner
 * workspaces whose point top-ups (open loop, a fixed rate, round robin) each make one
 * {@code workspace.points_changed} delivery to each of ENDPOINTS endpoints registered at
 * that receiver, and the latency from the event's time (its payload {@code timestamp},
 * partner-service's clock on this machine) to its arrival. The reference phase posts the
 * same payloads from here straight to the receiver at the same delivery rate. Before the
 * last phase, one more endpoint for the same event is registered at a receiver that
 * accepts connections and never answers. CPU time per delivery is read from /proc for the
 * processes named in PIDS ({@code name=pid,...}).
 * <p>
 * With MODE {@code bare}, BASE_URL is bench/baselines/BareWebhookSender.java instead of the
 * gateway: endpoints are registered with its {@code POST /endpoints} (none removed: they live
 * in its memory), each top-up is a {@code POST /events} naming the workspace (no workspaces
 * are created, nor API_KEY used), and the reference phase, which does not involve the
 * sender, is left out.
 *
 * java -cp "var/app/partner-service/lib/*" bench/webhook-load.java BASE_URL API_KEY RATE SECONDS WORKSPACES ENDPOINTS PIDS [MODE]
 */
public class WebhookLoad {

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

	private static final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

	private static final Set<String> ids = ConcurrentHashMap.newKeySet();

	private static final AtomicLong duplicates = new AtomicLong();

	/** Driving the bare baseline rather than the suite. */
	private static boolean bare;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String key = args[1];
		int rate = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int workspaceCount = Integer.parseInt(args[4]);
		int endpoints = Integer.parseInt(args[5]);
		List<String[]> pids = new ArrayList<>();
		for (String named : args[6].split(",")) {
			pids.add(named.split("="));
		}
		bare = args.length > 7 && "bare".equals(args[7]);
		DisposableServer live = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/hook/{n}", (request, response) -> request.receive().aggregate().asString()
				.doOnNext((body) -> received(request.requestHeaders().get("webhook-id"), body))
				.then(response.status(204).send())))
			.bindNow();
		DisposableServer dead = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/hook", (request, response) -> Mono.never()))
			.bindNow();
		ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(256).pendingAcquireMaxCount(-1).build();
		HttpClient http = HttpClient.create(pool)
			.baseUrl(base)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key)
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
			.responseTimeout(Duration.ofSeconds(20));
		List<String> registered = new ArrayList<>();
		for (int n = 0; n < endpoints; n++) {
			registered.add(register(http, "http://127.0.0.1:" + live.port() + "/hook/" + n));
		}
		List<String> workspaces = new ArrayList<>();
		for (int i = 0; i < workspaceCount; i++) {
			String name = "bench" + UUID.randomUUID().toString().substring(0, 10);
			if (bare) {
				workspaces.add(name);
				continue;
			}
			String created = post(http, "/partner/workspace/create", "{\"name\":\"Bench\",\"sub_domain\":\"" + name
					+ "\",\"plan\":\"starter\",\"client\":{\"email\":\"" + name + "@bench.example\",\"name\":\"B\"}}");
			workspaces.add(id(created));
		}
		System.out.printf("%d endpoints at the live receiver: each top-up makes %d deliveries; top-ups offered/s and"
				+ " accepted; CPU columns: µs per delivery%n%n", endpoints, endpoints);
		StringBuilder cpuHeader = new StringBuilder();
		for (String[] pid : pids) {
			cpuHeader.append(String.format(" %14s", pid[0]));
		}
		System.out.printf("%-26s %8s %8s %7s %9s %12s %8s %8s %8s %6s%s%n", "phase", "top-ups/s", "top-ups", "errors",
				"delivered", "deliveries/s", "p50 ms", "p99 ms", "max ms", "twice", cpuHeader);
		if (!bare) {
			direct(live.port(), rate * endpoints, seconds);
		}
		phase(http, workspaces, "warm-up", rate / 2, Math.max(5, seconds / 2), endpoints, pids);
		phase(http, workspaces, "live endpoints", rate, seconds, endpoints, pids);
		registered.add(register(http, "http://127.0.0.1:" + dead.port() + "/hook"));
		phase(http, workspaces, "plus one endpoint hanging", rate, seconds, endpoints, pids);
		// The receivers go away with this process: so do their endpoints (the bare sender's
		// go with it).
		for (String endpoint : bare ? List.<String>of() : registered) {
			post(http, "/partner/remove-webhook", "{\"id\":\"" + endpoint + "\"}");
		}
		live.disposeNow();
		dead.disposeNow();
	}

	/** Registers an endpoint for workspace.points_changed; its id at the suite. */
	private static String register(HttpClient http, String url) {
		if (bare) {
			return post(http, "/endpoints", "{\"url\":\"" + url + "\"}");
		}
		return id(post(http, "/partner/set-webhook", "{\"event\":\"workspace.points_changed\",\"url\":\"" + url + "\"}"));
	}

	private static String id(String answer) {
		Matcher id = Pattern.compile("\"data\":\\{\"id\":\"([^\"]+)\"").matcher(answer);
		if (!id.find()) {
			throw new IllegalStateException("no id in " + answer);
		}
		return id.group(1);
	}

	private static void received(String id, String body) {
		Matcher timestamp = TIMESTAMP.matcher(body);
		if (timestamp.find()) {
			latencies.add(Duration.between(Instant.parse(timestamp.group(1)), Instant.now()).toMillis());
		}
		if (id != null && !ids.add(id)) {
			duplicates.incrementAndGet();
		}
	}

	/**
	 * Reference: the same payload posted from here straight to the receiver at the
	 * delivery rate, timestamped when sent.
	 */
	private static void direct(int port, int rate, int seconds) throws InterruptedException {
		latencies.clear();
		HttpClient client = HttpClient.create(ConnectionProvider.builder("direct").maxConnections(64).pendingAcquireMaxCount(-1).build())
			.baseUrl("http://127.0.0.1:" + port)
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long total = (long) rate * seconds;
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long wait = start + i * interval - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			String body = "{\"type\":\"workspace.points_changed\",\"timestamp\":\"" + Instant.now()
					+ "\",\"workspace_id\":\"direct\",\"data\":{\"delta\":1}}";
			client.headers((headers) -> headers.set("webhook-id", "direct_" + UUID.randomUUID()))
				.post()
				.uri("/hook/0")
				.send(ByteBufFlux.fromString(Mono.just(body)))
				.responseSingle((response, content) -> Mono.just(response.status().code()))
				.subscribe((status) -> (status == 204 ? ok : errors).incrementAndGet(), (ex) -> errors.incrementAndGet());
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (ok.get() + errors.get() < total && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%-26s %8s %8s %7d %9d %12.0f %8d %8d %8d %6s%n", "reference: direct posts", "-", "-",
				errors.get(), sorted.size(), sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99),
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), "-");
	}

	private static void phase(HttpClient http, List<String> workspaces, String name, int rate, int seconds,
			int endpoints, List<String[]> pids) throws Exception {
		long[] cpuBefore = cpu(pids);
		latencies.clear();
		long duplicatesBefore = duplicates.get();
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long total = (long) rate * seconds;
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			String workspace = workspaces.get((int) (i % workspaces.size()));
			String uri = bare ? "/events" : "/partner/workspace/" + workspace + "/topup-points";
			String topUp = bare ? "{\"workspace_id\":\"" + workspace + "\",\"points\":1}"
					: "{\"points\":1,\"reason\":\"bench\"}";
			http.post()
				.uri(uri)
				.send(ByteBufFlux.fromString(Mono.just(topUp)))
				.responseSingle((response, body) -> Mono.just(response.status().code()))
				.subscribe((status) -> (status == 200 ? ok : errors).incrementAndGet(), (ex) -> errors.incrementAndGet());
		}
		// Until every accepted top-up's deliveries arrived, or 30 s more.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while ((latencies.size() < ok.get() * endpoints || ok.get() + errors.get() < total)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] cpuAfter = cpu(pids);
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		StringBuilder cpu = new StringBuilder();
		for (int i = 0; i < pids.size(); i++) {
			cpu.append(String.format(" %14.0f", (cpuAfter[i] - cpuBefore[i]) * 1e6 / 100 / Math.max(1, sorted.size())));
		}
		System.out.printf("%-26s %8d %8d %7d %9d %12.0f %8d %8d %8d %6d%s%n", name, rate, ok.get(), errors.get(),
				sorted.size(), sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99),
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), duplicates.get() - duplicatesBefore, cpu);
	}

	/** User plus system CPU ticks (1/100 s) of each process. */
	private static long[] cpu(List<String[]> pids) throws Exception {
		long[] ticks = new long[pids.size()];
		for (int i = 0; i < pids.size(); i++) {
			String stat = Files.readString(Path.of("/proc/" + pids.get(i)[1] + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		return ticks;
	}

	private static long percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private static String post(HttpClient http, String path, String json) {
		return http.post()
			.uri(path)
			.send(ByteBufFlux.fromString(Mono.just(json)))
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map((text) -> {
				if (response.status().code() >= 300) {
					throw new IllegalStateException(path + " answered " + response.status().code() + ": " + text);
				}
				return text;
			}))
			.block(Duration.ofSeconds(30));
	}

}
