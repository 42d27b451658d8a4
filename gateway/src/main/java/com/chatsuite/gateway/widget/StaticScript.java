package com.chatsuite.gateway.widget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import org.springframework.core.io.Resource;

/**
 * A script read once at start-up, with its gzip-compressed form and a strong ETag from
 * its content: serving it costs no disk read and no compression per request.
 *
 * @param plain the script
 * @param gzipped the script compressed with gzip
 * @param etag the quoted strong ETag, a SHA-256 prefix of the script
 */
record StaticScript(byte[] plain, byte[] gzipped, String etag) {

	static StaticScript of(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			byte[] plain = in.readAllBytes();
			return new StaticScript(plain, gzip(plain), etag(plain));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private static byte[] gzip(byte[] plain) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(plain);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] plain) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
