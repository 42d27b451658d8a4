import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load generator of bench/chat-bench.sh: opens ROOMS rooms with one live stream each, posts
 * messages at a fixed rate (open loop, round robin over the rooms) and measures the time
 * from sending a POST until the message arrives on its room's stream. Every message
 * carries its send time (System.nanoTime of this JVM), so no clocks are compared.
 *
 * java -cp "var/app/chat-room-service/lib/*" bench/chat-load.java BASE_URL AGENT_TOKEN ORG_ID ROOMS PLAN PIDS
 *
 * PLAN is a comma list of phases NAME:RATE:SECONDS; phases named warm* are not reported.
 * PIDS is a comma list of name=pid whose CPU time per message is reported per phase.
 */
public class ChatLoad {

	private static final Pattern SENT = Pattern.compile("t=(\\d+) p=(\\d+)");

	private static volatile int phase;

	private static final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

	private static final AtomicLong delivered = new AtomicLong();

	private static final AtomicLong sent = new AtomicLong();

	private static final AtomicLong failed = new AtomicLong();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String agent = args[1];
		String orgId = args[2];
		int roomCount = Integer.parseInt(args[3]);
		List<String[]> plan = Arrays.stream(args[4].split(",")).map((phase) -> phase.split(":")).toList();
		List<String[]> pids = (args.length > 5 && !args[5].isBlank())
				? Arrays.stream(args[5].split(",")).map((pid) -> pid.split("=")).toList() : List.of();

		ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(512).pendingAcquireMaxCount(-1).build();
		HttpClient http = HttpClient.create(pool)
			.baseUrl(base)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + agent))
			.responseTimeout(Duration.ofSeconds(10));

		List<String> rooms = openRooms(http, orgId, roomCount);
		List<Disposable> streams = subscribe(http, rooms);

		System.out.printf("%-10s %7s %8s %9s %7s %8s %8s %8s %8s  %s%n", "phase", "target", "sent/s", "delivered",
				"errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "CPU per message");
		for (String[] phase : plan) {
			run(http, rooms, phase[0], Integer.parseInt(phase[1]), Integer.parseInt(phase[2]), pids);
		}
		streams.forEach(Disposable::dispose);
		pool.disposeLater().block(Duration.ofSeconds(5));
	}

	/** Opens the rooms, as the agent (an agent's call is not limited per client address). */
	private static List<String> openRooms(HttpClient http, String orgId, int count) {
		List<String> rooms = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String body = "{\"user_id\":\"bench-" + System.nanoTime() + "-" + i + "\",\"org_id\":\"" + orgId
					+ "\",\"portfolio_name\":\"bench\",\"product_name\":\"bench.example\"}";
			String answer = http.post()
				.uri("/api/v2/room-control/")
				.send(json(body))
				.responseSingle((response, content) -> content.asString()
					.map((text) -> (response.status().code() == 200) ? text : "HTTP " + response.status().code() + " " + text))
				.block(Duration.ofSeconds(10));
			Matcher id = Pattern.compile("\"inserted_id\":\"([0-9a-f]+)\"").matcher(answer);
			if (!id.find()) {
				throw new IllegalStateException("could not open a room: " + answer);
			}
			rooms.add(id.group(1));
		}
		return rooms;
	}

	/** One live stream per room; each message event's send time gives its latency. */
	private static List<Disposable> subscribe(HttpClient http, List<String> rooms) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(rooms.size());
		List<Disposable> streams = new ArrayList<>();
		for (String room : rooms) {
			StringBuilder pending = new StringBuilder();
			streams.add(http.responseTimeout(Duration.ofHours(1))
				.get()
				.uri("/api/v2/rooms/" + room + "/stream")
				.responseContent()
				.asString(StandardCharsets.UTF_8)
				.subscribe((chunk) -> {
					long now = System.nanoTime();
					pending.append(chunk);
					int end;
					while ((end = pending.indexOf("\n")) >= 0) {
						String line = pending.substring(0, end);
						pending.delete(0, end + 1);
						if (line.startsWith(":ready") || line.startsWith(": ready")) {
							ready.countDown();
						}
						else if (line.startsWith("data:")) {
							Matcher sentAt = SENT.matcher(line);
							// Late arrivals of an earlier phase do not count for this one.
							if (sentAt.find() && Integer.parseInt(sentAt.group(2)) == phase) {
								latencies.add(now - Long.parseLong(sentAt.group(1)));
								delivered.incrementAndGet();
							}
						}
					}
				}, (error) -> System.err.println("stream of room " + room + " failed: " + error)));
		}
		if (!ready.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException(ready.getCount() + " streams did not open");
		}
		return streams;
	}

	private static void run(HttpClient http, List<String> rooms, String name, int rate, int seconds,
			List<String[]> pids) throws Exception {
		phase++;
		latencies.clear();
		delivered.set(0);
		sent.set(0);
		failed.set(0);
		long[] cpuBefore = cpu(pids);
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		long total = (long) rate * seconds;
		for (long n = 0; n < total; n++) {
			long due = start + n * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			String room = rooms.get((int) (n % rooms.size()));
			String body = "{\"type\":\"create_message\",\"room_id\":\"" + room + "\",\"message_data\":\"t="
					+ System.nanoTime() + " p=" + phase + "\",\"author\":\"agent\"}";
			http.post()
				.uri("/api/v2/room-service/")
				.send(json(body))
				.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
				.subscribe((status) -> {
					if (status == 200) {
						sent.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				}, (error) -> failed.incrementAndGet());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		// Let the last messages arrive.
		long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		while (delivered.get() < sent.get() + failed.get() && System.nanoTime() < settle) {
			Thread.sleep(20);
		}
		long[] cpuAfter = cpu(pids);
		if (name.startsWith("warm")) {
			return;
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		StringBuilder perMessage = new StringBuilder();
		for (int i = 0; i < pids.size(); i++) {
			double micros = (cpuAfter[i] - cpuBefore[i]) * 1e6 / ticksPerSecond() / Math.max(1, sent.get());
			perMessage.append(String.format("%s %.0f µs  ", pids.get(i)[0], micros));
		}
		System.out.printf("%-10s %7d %8.0f %8.2f%% %7d %8.2f %8.2f %8.2f %8.2f  %s%n", name, rate, total / elapsed,
				100.0 * delivered.get() / Math.max(1, sent.get()), failed.get(), ms(sorted, 0.50), ms(sorted, 0.90),
				ms(sorted, 0.99), ms(sorted, 1.0), perMessage.toString().trim());
	}

	/** A JSON body with its headers set on this request alone. */
	private static java.util.function.BiFunction<reactor.netty.http.client.HttpClientRequest, reactor.netty.NettyOutbound, org.reactivestreams.Publisher<Void>> json(
			String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (request, out) -> {
			request.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
			return out.sendByteArray(Mono.just(bytes));
		};
	}

	private static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** User plus system CPU ticks of each process. */
	private static long[] cpu(List<String[]> pids) throws Exception {
		long[] ticks = new long[pids.size()];
		for (int i = 0; i < pids.size(); i++) {
			String stat = Files.readString(Path.of("/proc/" + pids.get(i)[1] + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		return ticks;
	}

	private static long ticksPerSecond() {
		return 100;
	}

}
