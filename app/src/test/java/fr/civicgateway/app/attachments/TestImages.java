package fr.civicgateway.app.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images built byte by byte for the upload tests: real encoders' output, and the hostile variants of it. */
final class TestImages {

    /** The GPS latitude written in {@link #withGpsExif}: 45° 53' 57" N, as rationals. */
    static final String CAMERA = "SecretPhone X1";

    private TestImages() {
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 120, 220));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " encoder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF APP1 segment right after SOI, as a phone writes it: the camera's make, the orientation
     * (6: rotate 90° clockwise to view) and a GPS IFD with the latitude 45° 53' 57" N and longitude 6° 7' 46" E.
     */
    static byte[] withGpsExif(byte[] jpeg) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        // Little-endian TIFF; IFD0 at 8 with 3 entries (8 + 2 + 36 + 4 = 50), then the make, then the GPS IFD.
        int makeAt = 50;
        int gpsAt = makeAt + make.length + (make.length & 1);
        int gpsEntries = 4;
        int rationalsAt = gpsAt + 2 + 12 * gpsEntries + 4;
        w(tiff, 'I', 'I', 42, 0, 8, 0, 0, 0);
        w16(tiff, 3);
        entry(tiff, 0x010F, 2, make.length, makeAt);        // Make, ASCII
        entry(tiff, 0x0112, 3, 1, 6);                       // Orientation = 6
        entry(tiff, 0x8825, 4, 1, gpsAt);                   // GPS IFD pointer
        w32(tiff, 0);
        tiff.writeBytes(make);
        if ((make.length & 1) == 1) {
            tiff.write(0);
        }
        w16(tiff, gpsEntries);
        entry(tiff, 0x0001, 2, 2, 'N');                     // GPSLatitudeRef "N"
        entry(tiff, 0x0002, 5, 3, rationalsAt);             // GPSLatitude
        entry(tiff, 0x0003, 2, 2, 'E');                     // GPSLongitudeRef "E"
        entry(tiff, 0x0004, 5, 3, rationalsAt + 24);        // GPSLongitude
        w32(tiff, 0);
        for (int v : new int[] {45, 53, 57, 6, 7, 46}) {
            w32(tiff, v);
            w32(tiff, 1);
        }
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + body.length;
        w(out, 0xFF, 0xE1, length >> 8, length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A JPEG that is also an HTML page: a comment segment and a tail after the image's end hold a script. */
    static byte[] polyglot(byte[] jpeg) {
        byte[] script = "<html><script>alert(document.domain)</script></html>".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + script.length;
        w(out, 0xFF, 0xFE, length >> 8, length & 0xFF);
        out.writeBytes(script);
        out.write(jpeg, 2, jpeg.length - 2);
        out.writeBytes(script);
        return out.toByteArray();
    }

    /** The JPEG with its frame header claiming 65535 × 65535 pixels (4.3 gigapixels) for a few hundred bytes. */
    static byte[] jpegClaiming65535Square(byte[] jpeg) {
        byte[] b = jpeg.clone();
        for (int p = 2; p + 9 < b.length; ) {
            int marker = b[p + 1] & 0xFF;
            int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                b[p + 5] = b[p + 6] = b[p + 7] = b[p + 8] = (byte) 0xFF;
                return b;
            }
            p += 2 + length;
        }
        throw new IllegalStateException("no frame header");
    }

    /**
     * A real PNG bomb: 30000 × 30000 one-bit grey pixels (900 megapixels, 112 MB of rows) deflated to a few
     * hundred kilobytes.
     */
    static byte[] pngBomb() {
        int side = 30_000;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + side / 8];
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        w32be(ihdr, side);
        w32be(ihdr, side);
        w(ihdr, 1, 0, 0, 0, 0); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG with a text chunk (what a PNG's metadata is) holding an HTML page. */
    static byte[] pngWithText(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterIhdr = 8 + 12 + 13;
        out.write(png, 0, afterIhdr);
        chunk(out, "tEXt", "Comment\0<html><script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        w32be(out, data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        w32be(out, (int) crc.getValue());
    }

    private static void entry(ByteArrayOutputStream out, int tag, int type, int count, int value) {
        w16(out, tag);
        w16(out, type);
        w32(out, count);
        w32(out, value);
    }

    private static void w(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void w16(ByteArrayOutputStream out, int v) {
        w(out, v & 0xFF, (v >> 8) & 0xFF);
    }

    private static void w32(ByteArrayOutputStream out, int v) {
        w(out, v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >>> 24) & 0xFF);
    }

    private static void w32be(ByteArrayOutputStream out, int v) {
        w(out, (v >>> 24) & 0xFF, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }
}
