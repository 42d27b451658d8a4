import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load generator of bench/ticket-routing-bench.sh. Every agent holds its console's stream
 * (GET /v1/stream on ticket-service); rooms are opened at a fixed rate (open loop) on the
 * benchmark's domain. Measured, all on this JVM's System.nanoTime:
 * <ul>
 * <li>assigned: from the room-control answer (the room exists) to the ticket-assigned event
 * on the stream of the agent it went to;</li>
 * <li>closed: as soon as a room is assigned its visitor closes it (delete_room on
 * chat-room-service); from that answer to the ticket-closed event saying CHAT_CLOSED.</li>
 * </ul>
 * CPU time per room opened is read from /proc for the processes named in PIDS
 * ({@code name=pid,...}).
 * <p>
 * With MODE {@code bare}, GATEWAY, ROOM_SERVICE and TICKET_SERVICE are all the URL of
 * bench/baselines/BareRouting.java and AGENT_TOKENS the ids of its agents: rooms are opened
 * with {@code POST /rooms} and closed with {@code DELETE /rooms/{id}}, and each agent reads
 * {@code GET /agents/{id}/stream}; ORG_ID and DOMAIN are not used.
 *
 * java -cp "var/app/ticket-service/lib/*" bench/ticket-routing-load.java GATEWAY ROOM_SERVICE TICKET_SERVICE ORG_ID DOMAIN AGENT_TOKENS PLAN [MODE [PIDS]]
 *
 * AGENT_TOKENS is a comma list; PLAN a comma list of phases NAME:RATE:SECONDS (phases named
 * warm* are not reported); MODE {@code suite} (the default) or {@code bare}.
 */
public class TicketRoutingLoad {

	private static final Pattern ROOM_ID = Pattern.compile("\"roomId\":\"([^\"]+)\"");

	private static final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private static final ConcurrentLinkedQueue<Long> assignedLatencies = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<Long> closedLatencies = new ConcurrentLinkedQueue<>();

	private static final AtomicLong opened = new AtomicLong();

	private static final AtomicLong failed = new AtomicLong();

	private static HttpClient roomService;

	private static final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

	/** Driving the bare baseline rather than the suite. */
	private static boolean bare;

	public static void main(String[] args) throws Exception {
		String gateway = args[0];
		String orgId = args[3];
		String domain = args[4];
		List<String> agents = Arrays.asList(args[5].split(","));
		List<String[]> plan = Arrays.stream(args[6].split(",")).map((phase) -> phase.split(":")).toList();
		bare = args.length > 7 && "bare".equals(args[7]);
		List<String[]> pids = (args.length > 8) ? Arrays.stream(args[8].split(","))
			.map((named) -> named.split("="))
			.filter((named) -> named.length == 2 && !named[1].isBlank())
			.toList() : List.of();
		ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(512).pendingAcquireMaxCount(-1).build();
		HttpClient http = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(10));
		roomService = http.baseUrl(args[1]).headers((h) -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		List<Disposable> streams = listen(http.baseUrl(args[2]), agents);
		// Rooms are opened through the gateway with an agent token, as chat-bench does (an
		// agent's call is not limited per client address).
		HttpClient opener = http.baseUrl(gateway).headers((h) -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + agents.get(0)));
		StringBuilder cpuHeader = new StringBuilder();
		for (String[] pid : pids) {
			cpuHeader.append(String.format(" %16s", pid[0]));
		}
		if (!pids.isEmpty()) {
			System.out.println("CPU columns: ms per room opened (user + system, from /proc)");
		}
		System.out.printf("%-8s %6s %8s %8s %6s %9s %9s %9s %9s %9s %9s%s%n", "phase", "target", "opened/s", "assigned",
				"errors", "asg p50", "asg p99", "asg max", "cls p50", "cls p99", "cls max", cpuHeader);
		for (String[] phase : plan) {
			run(opener, orgId, domain, phase[0], Integer.parseInt(phase[1]), Integer.parseInt(phase[2]), pids);
		}
		streams.forEach(Disposable::dispose);
		pool.disposeLater().block(Duration.ofSeconds(5));
	}

	private static List<Disposable> listen(HttpClient ticketService, List<String> agents) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(agents.size());
		List<Disposable> streams = new ArrayList<>();
		for (String agent : agents) {
			StringBuilder pending = new StringBuilder();
			String[] event = { null };
			streams.add(ticketService.headers((h) -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + agent))
				.responseTimeout(Duration.ofHours(1))
				.get()
				.uri(bare ? "/agents/" + agent + "/stream" : "/v1/stream")
				.responseContent()
				.asString(StandardCharsets.UTF_8)
				.subscribe((chunk) -> {
					long now = System.nanoTime();
					pending.append(chunk);
					int end;
					while ((end = pending.indexOf("\n")) >= 0) {
						String line = pending.substring(0, end);
						pending.delete(0, end + 1);
						if (line.startsWith(":listening") || line.startsWith(": listening")) {
							ready.countDown();
						}
						else if (line.startsWith("event:")) {
							event[0] = line.substring(6).trim();
						}
						else if (line.startsWith("data:")) {
							seen(event[0], line, now);
						}
					}
				}, (error) -> System.err.println("an agent stream failed: " + error)));
		}
		if (!ready.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException(ready.getCount() + " agent streams did not open");
		}
		return streams;
	}

	private static void seen(String event, String data, long now) {
		Matcher id = ROOM_ID.matcher(data);
		if (!id.find()) {
			return;
		}
		Room room = rooms.computeIfAbsent(id.group(1), (key) -> new Room());
		if ("ticket-assigned".equals(event)) {
			room.assignedAt = now;
			room.maybeClose(id.group(1));
		}
		else if ("ticket-closed".equals(event) && data.contains("CHAT_CLOSED") && room.closeAnsweredAt > 0) {
			closedLatencies.add(now - room.closeAnsweredAt);
		}
	}

	private static void run(HttpClient opener, String orgId, String domain, String name, int rate, int seconds,
			List<String[]> pids) throws Exception {
		assignedLatencies.clear();
		closedLatencies.clear();
		opened.set(0);
		failed.set(0);
		long[] cpuBefore = cpu(pids);
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		long total = (long) rate * seconds;
		for (long n = 0; n < total; n++) {
			long wait = start + n * interval - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			String body = bare ? "{}" : "{\"user_id\":\"bench-" + n + "-" + start + "\",\"org_id\":\"" + orgId
					+ "\",\"portfolio_name\":\"Bench Visitor\",\"product_name\":\"" + domain + "\"}";
			opener.post()
				.uri(bare ? "/rooms" : "/api/v2/room-control/")
				.send(ByteBufFlux.fromString(Mono.just(body)))
				.responseSingle((response, content) -> content.asString()
					.map((text) -> (response.status().code() == 200) ? text : "HTTP " + response.status().code() + " " + text))
				.subscribe(TicketRoutingLoad::roomOpened, (error) -> failure("open: " + error));
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (closedLatencies.size() < opened.get() && System.nanoTime() < settle) {
			Thread.sleep(20);
		}
		long[] cpuAfter = cpu(pids);
		if (name.startsWith("warm")) {
			return;
		}
		long[] assigned = assignedLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] closed = closedLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
		StringBuilder perRoom = new StringBuilder();
		for (int i = 0; i < pids.size(); i++) {
			double cpuMs = (cpuAfter[i] - cpuBefore[i]) * 1e3 / 100 / Math.max(1, opened.get());
			perRoom.append(String.format(" %16.1f", cpuMs));
		}
		System.out.printf("%-8s %6d %8.0f %7.2f%% %6d %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%s%n", name, rate,
				total / elapsed, 100.0 * assigned.length / Math.max(1, opened.get()), failed.get(), ms(assigned, 0.5),
				ms(assigned, 0.99), ms(assigned, 1.0), ms(closed, 0.5), ms(closed, 0.99), ms(closed, 1.0), perRoom);
		errors.forEach((error) -> System.out.println("         first errors: " + error));
		errors.clear();
	}

	private static final Pattern INSERTED = Pattern.compile("\"inserted_id\":\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"room_token\":\"([^\"]+)\"");

	private static void roomOpened(String answer) {
		long now = System.nanoTime();
		Matcher id = (bare ? ROOM_ID : INSERTED).matcher(answer);
		Matcher token = TOKEN.matcher(answer);
		// The bare app's rooms have no token.
		if (!id.find() || (!bare && !token.find())) {
			failure("open: " + answer);
			return;
		}
		opened.incrementAndGet();
		Room room = rooms.computeIfAbsent(id.group(1), (key) -> new Room());
		room.token = bare ? "" : token.group(1);
		room.createdAt = now;
		room.maybeClose(id.group(1));
	}

	private static void failure(String what) {
		if (failed.incrementAndGet() <= 3) {
			errors.add(what.substring(0, Math.min(200, what.length())));
		}
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

	private static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/** What is known of one room; the ticket-assigned event may arrive before the room-control answer. */
	private static final class Room {

		volatile String token;

		volatile long createdAt;

		volatile long assignedAt;

		volatile long closeAnsweredAt;

		private boolean closing;

		synchronized void maybeClose(String roomId) {
			if (this.closing || this.token == null || this.assignedAt == 0) {
				return;
			}
			this.closing = true;
			assignedLatencies.add(Math.max(0, this.assignedAt - this.createdAt));
			String body = "{\"type\":\"delete_room\",\"room_id\":\"" + roomId + "\",\"is_active\":false}";
			HttpClient.ResponseReceiver<?> close = bare ? roomService.delete().uri("/rooms/" + roomId)
					: roomService.headers((h) -> h.set("X-Room-Token", this.token))
						.post()
						.uri("/api/v2/room-service/")
						.send(ByteBufFlux.fromString(Mono.just(body)));
			close.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
				.subscribe((status) -> {
					if (status == 200) {
						this.closeAnsweredAt = System.nanoTime();
					}
					else {
						failure("close: HTTP " + status);
					}
				}, (error) -> failure("close: " + error));
		}

	}

}
