package com.chatsuite.suite;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a plain socket, so that a request can carry what a
 * well-behaved client library refuses to send: repeated headers, bodies that do not match
 * their media type, methods with bodies, unusual targets. Each exchange uses a connection
 * of its own ({@code Connection: close}) from a chosen loopback address, so per-address
 * rate limits see many clients.
 */
final class RawHttp {

	/** Response bodies are read up to this size; the rest is dropped. */
	private static final int MAX_BODY = 2 * 1024 * 1024;

	private RawHttp() {
	}

	/**
	 * A request as written on the wire.
	 *
	 * @param method the method token
	 * @param target the request target, already percent-encoded
	 * @param headers header lines in order, repeated names allowed
	 * @param body the body, {@code null} for none
	 * @param chunked whether the body is sent chunked instead of with a length
	 */
	record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {

		String path() {
			int query = this.target.indexOf('?');
			return (query < 0) ? this.target : this.target.substring(0, query);
		}

		byte[] toBytes(String host) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(this.method).append(' ').append(this.target).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(host).append("\r\n");
			for (String[] header : this.headers) {
				head.append(header[0]).append(": ").append(header[1]).append("\r\n");
			}
			head.append("Connection: close\r\n");
			if (this.body != null && this.chunked) {
				head.append("Transfer-Encoding: chunked\r\n");
			}
			else if (this.body != null) {
				head.append("Content-Length: ").append(this.body.length).append("\r\n");
			}
			head.append("\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			if (this.body != null && this.chunked) {
				int chunk = 64 * 1024;
				for (int offset = 0; offset < this.body.length; offset += chunk) {
					int length = Math.min(chunk, this.body.length - offset);
					out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(this.body, offset, length);
					out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else if (this.body != null) {
				out.writeBytes(this.body);
			}
			return out.toByteArray();
		}

	}

	/**
	 * An answer. An event stream's body is not read: its headers tell enough.
	 *
	 * @param status the status code
	 * @param headers header values by lower-case name
	 * @param body the body as read
	 */
	record Response(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null) ? values.get(0) : null;
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	static Response exchange(InetAddress from, InetSocketAddress to, Request request, int timeoutMillis)
			throws IOException {
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(timeoutMillis);
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(to, timeoutMillis);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.toBytes(to.getHostString() + ":" + to.getPort()));
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer (413) and close before reading a large body.
			}
			return read(new BufferedInputStream(socket.getInputStream()), request.method());
		}
	}

	private static Response read(InputStream in, String method) throws IOException {
		String statusLine = line(in);
		if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
			throw new IOException("No HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers
				.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.add(line.substring(colon + 1).trim());
		}
		Response head = new Response(status, headers, new byte[0]);
		String contentType = head.header("content-type");
		if ("HEAD".equals(method) || status == 204 || status == 304
				|| (contentType != null && contentType.startsWith("text/event-stream"))) {
			return head;
		}
		byte[] body;
		if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
			body = chunks(in);
		}
		else if (head.header("content-length") != null) {
			body = in.readNBytes(Math.min(MAX_BODY, Integer.parseInt(head.header("content-length"))));
		}
		else {
			body = in.readNBytes(MAX_BODY);
		}
		return new Response(status, headers, body);
	}

	private static byte[] chunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String size = line(in); size != null; size = line(in)) {
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt(((semicolon < 0) ? size : size.substring(0, semicolon)).trim(), 16);
			if (length == 0) {
				break;
			}
			byte[] chunk = in.readNBytes(length);
			if (body.size() < MAX_BODY) {
				body.writeBytes(chunk);
			}
			line(in);
		}
		return body.toByteArray();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

}
