package com.chatsuite.local.infra;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 file stores documents: as BSON, the encoding the store already speaks on the
 * wire. mongo-java-server's H2 backend leaves them to H2's {@link ObjectDataType}, which
 * writes a document with Java serialisation and reads it back resolving every class of it
 * again; under load that took a third of the store's CPU, most of it re-reading B-tree
 * pages to insert into them.
 * <p>
 * Files written before keep working: a value written here starts with {@link #TAG}, a
 * byte {@link ObjectDataType} never starts a value with, and any other value is read by
 * {@link ObjectDataType}. A document read that way is written as BSON the next time it
 * changes.
 */
final class BsonDocumentType extends BasicDataType<Document> {

	/** Marks a BSON value; ObjectDataType's type and tag bytes are all below 120. */
	static final int TAG = 0xB5;

	/**
	 * What a decoded document takes in memory per byte of its BSON, roughly (a map entry,
	 * a key string and a boxed value per field): H2 sizes its page cache and splits pages
	 * by these estimates. With 4, the 64 MB cache held about 200 MB of documents under
	 * the webhook benchmark and the launcher's heap filled up.
	 */
	private static final int MEMORY_PER_BYTE = 12;

	private final ObjectDataType earlier = new ObjectDataType();

	/** A moving average of the BSON sizes written, for the memory estimates. */
	private volatile int averageSize = 512;

	@Override
	public int getMemory(Document document) {
		return this.averageSize * MEMORY_PER_BYTE;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(this.averageSize + 64);
		try {
			BsonEncoder.encodeDocument(document, bson);
			int length = bson.readableBytes();
			buffer.put((byte) TAG).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
			this.averageSize = (this.averageSize * 15 + length) / 16;
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		if ((buffer.get(buffer.position()) & 0xff) != TAG) {
			return (Document) this.earlier.read(buffer);
		}
		buffer.get();
		int length = DataUtils.readVarInt(buffer);
		ByteBuffer bson = buffer.slice();
		bson.limit(length);
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
