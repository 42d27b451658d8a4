package com.chatsuite.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local run's key-encryption key of auth-service's signing keys: generated once into
 * the data folder, readable by its owner only, and used again on every later start so the
 * stored keys stay readable. Deleting the data folder ({@code --wipe}) deletes both.
 */
final class KeyEncryptionKeyFile {

	static final String FILE_NAME = "auth-key-encryption-key";

	private KeyEncryptionKeyFile() {
	}

	/**
	 * The key in the data folder, created on first use.
	 * @param dataDir the data folder
	 * @return the key, base64-encoded
	 * @throws IOException when the file cannot be read or written
	 */
	static String readOrCreate(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			try {
				Files.createFile(file);
				restrict(file);
				Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// Created by a concurrent start: read that one.
			}
		}
		return Files.readString(file, StandardCharsets.US_ASCII).trim();
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the folder's own permissions apply.
		}
	}

}
