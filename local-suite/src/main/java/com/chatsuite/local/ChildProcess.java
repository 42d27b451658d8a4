package com.chatsuite.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application of the suite running as its own JVM, logging to its own file.
 */
public final class ChildProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private ChildProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	public static ChildProcess start(String name, int port, List<String> command, List<String> arguments,
			Map<String, String> environment, Path log) throws IOException {
		List<String> full = new ArrayList<>(command);
		full.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		return new ChildProcess(name, port, log, process);
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Tells whether the readiness group of the application answers UP. */
	public boolean isReady() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(1))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Asks the process to stop (SIGTERM) without waiting. */
	public void requestStop() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
	}

	/**
	 * Waits for the process to end, killing it when it takes longer than the grace
	 * period; returns only once it has ended, so nothing it writes (logs, class-data
	 * archives) is still being written when the caller goes on.
	 */
	public void awaitStop(Duration grace) throws InterruptedException {
		if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
		}
		this.process.waitFor();
	}

}
