package com.chatsuite.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFolderLockTests {

	@TempDir
	Path dataDir;

	@Test
	void aSecondRunOnAFolderInUseIsToldWhichFolderAndProcessInOneLine() throws Exception {
		try (DataFolderLock first = DataFolderLock.acquire(this.dataDir)) {
			assertThatThrownBy(() -> DataFolderLock.acquire(this.dataDir))
				.isInstanceOf(DataFolderLock.InUseException.class)
				.hasMessageContaining(this.dataDir.toAbsolutePath().toString())
				.hasMessageContaining("in use by process " + ProcessHandle.current().pid())
				.hasMessageContaining("--data-dir")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
		}
		// Released: the next run gets it.
		DataFolderLock.acquire(this.dataDir).close();
	}

	@Test
	void stoppingAChildReturnsOnlyOnceItHasEnded() throws Exception {
		// A child that ignores SIGTERM, as a JVM busy writing its archive would for a
		// while.
		ChildProcess child = ChildProcess.start("stubborn", 0,
				List.of("sh", "-c", "trap '' TERM; while :; do sleep 1; done"), List.of(), java.util.Map.of(),
				this.dataDir.resolve("child.log"));
		child.requestStop();
		child.awaitStop(java.time.Duration.ofMillis(200));
		assertThat(child.isAlive()).isFalse();
	}

}
