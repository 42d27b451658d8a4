package com.chatsuite.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds a data folder for one local run: a second run on the same folder is refused with
 * one line naming the folder and the process using it, instead of failing deep inside the
 * store with "the file is locked". The operating system drops the lock when the process
 * ends, however it ends.
 */
final class DataFolderLock implements AutoCloseable {

	static final String FILE_NAME = ".suite.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataFolderLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes a data folder, creating it if needed.
	 * @param dataDir the data folder
	 * @return the held lock
	 * @throws InUseException when another process holds it
	 * @throws IOException when the lock file cannot be written
	 */
	static DataFolderLock acquire(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve(FILE_NAME);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
			channel.close();
			throw new InUseException("Data folder " + dataDir.toAbsolutePath() + " is in use by process "
					+ (holder.isEmpty() ? "(unknown)" : holder)
					+ ": stop that run first (Ctrl-C or kill it), or start this one with --data-dir DIR");
		}
		channel.truncate(0);
		channel
			.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
		channel.force(false);
		return new DataFolderLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

	/**
	 * The data folder is held by another run.
	 */
	static final class InUseException extends IllegalStateException {

		InUseException(String message) {
			super(message);
		}

	}

}
