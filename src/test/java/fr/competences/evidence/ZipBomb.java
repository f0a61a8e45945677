package fr.competences.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A ZIP archive that inflates far beyond its size, made in a fraction of a second: each entry's deflate stream is
 * one compressed mebibyte of zeros, then the same flushed segment (which only refers to zeros before it) repeated,
 * then an empty final block. 9 entries of 1 GiB take about 9 MB.
 */
public final class ZipBomb {

    private static final int MIB = 1024 * 1024;

    private ZipBomb() {
    }

    /** {@code entries} entries of {@code mebibytes} MiB of zeros each. */
    public static byte[] of(int entries, int mebibytes) {
        byte[] data = deflatedZeros(mebibytes);
        long crc = crcOfZeros(mebibytes);
        long size = (long) mebibytes * MIB;
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (int i = 0; i < entries; i++) {
            byte[] name = ("zeros-" + i + ".bin").getBytes(StandardCharsets.US_ASCII);
            int offset = zip.size();
            zip.writeBytes(header(0x04034b50, 30, name, crc, data.length, size, -1));
            zip.writeBytes(data);
            directory.writeBytes(header(0x02014b50, 46, name, crc, data.length, size, offset));
        }
        int directoryOffset = zip.size();
        zip.writeBytes(directory.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
        zip.writeBytes(end.array());
        return zip.toByteArray();
    }

    /** A local file header (30 bytes) or a central directory entry (46 bytes), deflated, with its name. */
    private static byte[] header(int signature, int length, byte[] name, long crc, long compressed, long size,
            int offset) {
        ByteBuffer header = ByteBuffer.allocate(length + name.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(signature);
        if (offset >= 0) {
            header.putShort((short) 20); // version made by
        }
        header.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) name.length)
                .putShort((short) 0);
        if (offset >= 0) {
            header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
        }
        return header.put(name).array();
    }

    private static byte[] deflatedZeros(int mebibytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[MIB];
        byte[] first = flushed(deflater, zeros);
        byte[] next = flushed(deflater, zeros);
        deflater.end();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(first);
        for (int i = 1; i < mebibytes; i++) {
            stream.writeBytes(next);
        }
        stream.writeBytes(new byte[] {0x03, 0x00}); // final block, fixed codes, empty
        return stream.toByteArray();
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int count;
        do {
            count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, count);
        } while (count == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static long crcOfZeros(int mebibytes) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[MIB];
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        return crc.getValue();
    }
}
