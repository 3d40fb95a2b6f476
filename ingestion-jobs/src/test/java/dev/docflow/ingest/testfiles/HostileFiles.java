package dev.docflow.ingest.testfiles;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Files built to hurt, made in the test rather than kept in the repository. */
public final class HostileFiles {
    private HostileFiles() {}

    /**
     * A valid black-and-white PNG of {@code width} × {@code height} pixels: a few kilobytes on disk
     * that would take gigabytes to decode as an RGB image.
     */
    public static Path hugePng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {1, 0, 0, 0, 0}); // 1 bit per pixel, grayscale, deflate, no filter, no interlace
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (OutputStream deflate = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter byte, then the row's bits
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        try (DataOutputStream png = new DataOutputStream(Files.newOutputStream(file))) {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", pixels.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeInt(data.length);
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt((int) crc.getValue());
    }
}
