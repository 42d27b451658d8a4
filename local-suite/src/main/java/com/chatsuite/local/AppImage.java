package com.chatsuite.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A built application prepared for fast start-up: the Spring Boot jar extracted (so the
 * JVM can map its classes from a class-data-sharing archive) and a dynamic CDS archive
 * recorded by one training run. Both are redone only when the jar changes.
 */
final class AppImage {

	/**
	 * Flags for a development start on a small machine: quick JIT, small heap, serial GC.
	 */
	static final List<String> DEV_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
			"-Xms32m", "-Xmx320m", "-XX:+ExitOnOutOfMemoryError", "-Dspring.jmx.enabled=false");

	private final String module;

	private final Path bootJar;

	private final Path dir;

	private AppImage(String module, Path bootJar, Path dir) {
		this.module = module;
		this.bootJar = bootJar;
		this.dir = dir;
	}

	static AppImage of(Path home, String module) {
		Path target = home.resolve(module).resolve("target");
		Path jar = findBootJar(target, module);
		return new AppImage(module, jar, home.resolve("var/app").resolve(module));
	}

	/** The jar to start, inside the extracted folder. */
	Path jar() {
		return this.dir.resolve(this.bootJar.getFileName());
	}

	Path archive() {
		return this.dir.resolve("app.jsa");
	}

	boolean isExtracted() throws IOException {
		Path stamp = this.dir.resolve("built-from");
		return Files.exists(stamp) && Files.readString(stamp).equals(fingerprint());
	}

	/**
	 * Extracts the jar when it has changed since the last time, dropping the old archive.
	 * @param java the java launcher to use
	 * @param log where the extraction writes its output
	 */
	void prepare(String java, Path log) throws IOException, InterruptedException {
		if (isExtracted()) {
			return;
		}
		deleteRecursively(this.dir);
		Files.createDirectories(this.dir);
		run(List.of(java, "-Djarmode=tools", "-jar", this.bootJar.toString(), "extract", "--destination",
				this.dir.toString(), "--force"), log);
		Files.writeString(this.dir.resolve("built-from"), fingerprint());
	}

	/** Tells whether this run records the archive (none yet for this build). */
	boolean recordsArchive() {
		return !Files.exists(archive());
	}

	/**
	 * The command that starts this application with the archive.
	 * @param java the java executable
	 * @param jvmFlags the JVM flags, {@link #DEV_JVM_FLAGS} unless the run asks for
	 * others
	 * @return the command
	 */
	List<String> command(String java, List<String> jvmFlags) {
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmFlags);
		if (recordsArchive()) {
			command.add("-XX:ArchiveClassesAtExit=" + archive());
		}
		else {
			command.add("-XX:SharedArchiveFile=" + archive());
		}
		command.add("-Xlog:cds=off");
		command.add("-Xlog:class+path=off");
		command.addAll(List.of("-jar", jar().toString()));
		return command;
	}

	private String fingerprint() throws IOException {
		return this.bootJar.toAbsolutePath() + ":" + Files.size(this.bootJar) + ":"
				+ Files.getLastModifiedTime(this.bootJar).toMillis() + ":" + Runtime.version().feature();
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + String.join(" ", command));
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"Failed (exit " + process.exitValue() + "), see " + log + ": " + String.join(" ", command));
		}
	}

	private static Path findBootJar(Path target, String module) {
		try (var files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(module + "-")
						&& file.getFileName().toString().endsWith(".jar")
						&& !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(module + " is not built: no jar in " + target));
		}
		catch (IOException ex) {
			throw new IllegalStateException(module + " is not built: " + target + " is missing", ex);
		}
	}

	static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
