package com.chatsuite.gateway.errors;

import java.net.URI;
import java.net.URISyntaxException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Answers, in the family's error shape, the requests that never reach the gateway's
 * filters: those Netty could not decode (a request line or headers over the server's
 * limits: 414 and 431) and those whose target is not a valid URI (an invalid escape such
 * as {@code %zz}, characters a URI cannot hold: 400). The server would otherwise answer
 * them with an empty body. Sits in each connection's pipeline right after the HTTP codec;
 * the connection is closed after the answer.
 */
final class UndecodableRequests extends ChannelInboundHandlerAdapter {

	private final JsonMapper json;

	private final RequestLineStart lineStart;

	/**
	 * Whether a request was refused: the connection closes after the answer, and whatever
	 * else arrives on it (the rest of the body, what the decoder makes of the bytes after
	 * a failure) is released here instead of reaching the server.
	 */
	private boolean refused;

	UndecodableRequests(JsonMapper json, RequestLineStart lineStart) {
		this.json = json;
		this.lineStart = lineStart;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (this.refused) {
			ReferenceCountUtil.release(message);
			return;
		}
		if (message instanceof HttpRequest request) {
			Refusal refusal = refusal(request);
			if (refusal == null) {
				endOfRequest(message);
				context.fireChannelRead(message);
				return;
			}
			FullHttpResponse response = response(request, refusal);
			this.refused = true;
			ReferenceCountUtil.release(message);
			context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		endOfRequest(message);
		context.fireChannelRead(message);
	}

	/** After a request's last part, the next bytes begin the next request line. */
	private void endOfRequest(Object message) {
		if (message instanceof LastHttpContent) {
			this.lineStart.rearm();
		}
	}

	/**
	 * Keeps the first characters of each request line as they arrive, before the HTTP
	 * codec: when the codec gives up on a request (a line or headers over the limit), its
	 * path is gone, and the refusal still needs the family the path belongs to.
	 */
	static final class RequestLineStart extends ChannelInboundHandlerAdapter {

		private static final int KEEP = 128;

		private final StringBuilder start = new StringBuilder();

		private boolean armed = true;

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (this.armed && message instanceof ByteBuf bytes) {
				for (int i = bytes.readerIndex(); i < bytes.writerIndex() && this.start.length() < KEEP; i++) {
					char c = (char) (bytes.getByte(i) & 0xff);
					if ((c == '\r' || c == '\n') && this.start.length() == 0) {
						continue;
					}
					if (c == '\r' || c == '\n') {
						this.armed = false;
						break;
					}
					this.start.append(c);
				}
				if (this.start.length() >= KEEP) {
					this.armed = false;
				}
			}
			context.fireChannelRead(message);
		}

		void rearm() {
			this.start.setLength(0);
			this.armed = true;
		}

		/** The path of the request line seen last, as far as it arrived. */
		String path() {
			String line = this.start.toString();
			int target = line.indexOf(' ');
			if (target < 0) {
				return "/";
			}
			String rest = line.substring(target + 1);
			int end = rest.length();
			for (char stop : new char[] { ' ', '?' }) {
				int at = rest.indexOf(stop);
				if (at >= 0) {
					end = Math.min(end, at);
				}
			}
			return rest.substring(0, end);
		}

	}

	private static @Nullable Refusal refusal(HttpRequest request) {
		DecoderResult result = request.decoderResult();
		if (result.isFailure()) {
			Throwable cause = result.cause();
			if (cause instanceof TooLongHttpLineException) {
				return new Refusal(HttpStatus.URI_TOO_LONG, "the request line is too long");
			}
			if (cause instanceof TooLongHttpHeaderException) {
				return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request headers are too large");
			}
			if (cause instanceof TooLongFrameException) {
				return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "a part of the request is too large");
			}
			return new Refusal(HttpStatus.BAD_REQUEST, "the request is not valid HTTP");
		}
		try {
			new URI(request.uri());
			return null;
		}
		catch (URISyntaxException ex) {
			return new Refusal(HttpStatus.BAD_REQUEST,
					"the request target is not a valid URI: percent-encode reserved and non-ASCII characters");
		}
	}

	private FullHttpResponse response(HttpRequest request, Refusal refusal) {
		String path;
		if (request.decoderResult().isFailure()) {
			path = this.lineStart.path();
		}
		else {
			int query = request.uri().indexOf('?');
			path = (query < 0) ? request.uri() : request.uri().substring(0, query);
		}
		ApiFamily family = ApiFamily.of(path);
		byte[] body = this.json.writeValueAsBytes(family.errorBody(refusal.status(), refusal.message(), null));
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(refusal.status().value()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

	private record Refusal(HttpStatus status, String message) {
	}

}
