package fr.civicgateway.connectors.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A photo a citizen uploaded, checked and cleaned from its bytes alone (never from the declared Content-Type or file
 * name): a JPEG, PNG or WebP whose structure is walked to its end, whose dimensions are read from its header and
 * refused above {@link #MAX_PIXELS} before anything is decoded (a decompression bomb is a few kilobytes), and whose
 * metadata is dropped — EXIF (GPS position, camera serial, date), XMP, comments, PNG text chunks — keeping only what
 * shows the picture right (colour profile, and a JPEG's orientation). Bytes after the image's end (the tail of a
 * polyglot) are dropped too. JPEG and PNG are then really decoded (subsampled, so memory stays small) and refused if
 * the decoder finds them truncated or corrupt. The JDK has no WebP decoder: a WebP is checked by its RIFF structure.
 *
 * @param mediaType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param bytes     the cleaned file, to store and serve
 * @param width     in pixels
 * @param height    in pixels
 */
record UploadedImage(String mediaType, byte[] bytes, int width, int height) {

    /** 40 megapixels: more than any phone's photo, far less than a bomb's. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Why a file is refused: said to the client as is (no detail of the server). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static UploadedImage check(byte[] b) throws Refused {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return jpeg(b);
        }
        if (b.length >= 8 && startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return png(b);
        }
        if (b.length >= 12 && startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return webp(b);
        }
        throw new Refused("The file is not a JPEG, PNG or WebP image.");
    }

    // ---- JPEG: markers and segments (ITU T.81 B.1) ----

    private static UploadedImage jpeg(byte[] b) throws Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int p = 2;
        int width = -1;
        int height = -1;
        int orientation = 1;
        boolean inScan = false;
        boolean orientationWritten = false;
        while (true) {
            if (inScan) {
                // Entropy-coded data: a 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, else a marker.
                int start = p;
                while (p < b.length - 1 && !((b[p] & 0xFF) == 0xFF && (b[p + 1] & 0xFF) != 0
                        && !((b[p + 1] & 0xFF) >= 0xD0 && (b[p + 1] & 0xFF) <= 0xD7))) {
                    p++;
                }
                if (p >= b.length - 1) {
                    throw new Refused("The JPEG image is truncated.");
                }
                out.write(b, start, p - start);
                inScan = false;
            }
            if (p + 1 >= b.length) {
                throw new Refused("The JPEG image is truncated.");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw new Refused("The JPEG image is corrupt.");
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xD9) { // end of image: whatever follows is not the image's
                out.write(0xFF);
                out.write(0xD9);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(b, p, 2);
                p += 2;
                continue;
            }
            if (p + 3 >= b.length) {
                throw new Refused("The JPEG image is truncated.");
            }
            int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            if (length < 2 || p + 2 + length > b.length) {
                throw new Refused("The JPEG image is truncated.");
            }
            boolean isFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (isFrame) {
                if (length < 8) {
                    throw new Refused("The JPEG image is corrupt.");
                }
                height = ((b[p + 5] & 0xFF) << 8) | (b[p + 6] & 0xFF);
                width = ((b[p + 7] & 0xFF) << 8) | (b[p + 8] & 0xFF);
                checkPixels(width, height);
            }
            if (marker == 0xE1 && orientation == 1) {
                orientation = exifOrientation(b, p + 4, length - 2);
            }
            // Kept: JFIF (APP0), the colour profile (APP2 ICC_PROFILE), Adobe's colour transform (APP14) and every
            // non-APP segment but comments. Dropped: EXIF/XMP (APP1) and every other APPn, COM.
            boolean keep = marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && startsWith(b, p + 4, ascii("ICC_PROFILE\0")))
                    || !(marker >= 0xE0 && marker <= 0xEF || marker == 0xFE);
            if (!orientationWritten && (isFrame || marker == 0xDB || marker == 0xC4 || marker == 0xDA || marker == 0xDD)
                    && orientation != 1) {
                // The only EXIF kept: which way up the photo is (phones store it rotated and say so there).
                out.writeBytes(orientationSegment(orientation));
                orientationWritten = true;
            }
            if (keep) {
                out.write(b, p, 2 + length);
            }
            p += 2 + length;
            if (marker == 0xDA) {
                inScan = true;
            }
        }
        if (width <= 0 || height <= 0) {
            throw new Refused("The JPEG image has no valid dimensions.");
        }
        byte[] clean = out.toByteArray();
        decodes(clean, "JPEG");
        return new UploadedImage("image/jpeg", clean, width, height);
    }

    /** The Orientation tag (0x0112) of an EXIF APP1 segment's first IFD, or 1 when absent or unreadable. */
    static int exifOrientation(byte[] b, int start, int length) {
        if (length < 14 || !startsWith(b, start, ascii("Exif\0\0"))) {
            return 1;
        }
        int tiff = start + 6;
        int end = start + length;
        boolean big = b[tiff] == 'M';
        if (!(big || b[tiff] == 'I') || b[tiff + 1] != b[tiff]) {
            return 1;
        }
        long ifd = u32(b, tiff + 4, big);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int count = u16(b, at, big);
        for (int i = 0; i < count; i++) {
            int e = at + 2 + 12 * i;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, big) == 0x0112 && u16(b, e + 2, big) == 3) {
                int v = u16(b, e + 8, big);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /** A minimal EXIF APP1 segment that holds the orientation alone. */
    static byte[] orientationSegment(int orientation) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 2 + 6 + 8 + 2 + 12 + 4});
        s.writeBytes(ascii("Exif\0\0"));
        s.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian TIFF header, first IFD at 8
        s.writeBytes(new byte[] {0, 1}); // one entry
        s.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // SHORT, count 1
        s.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        return s.toByteArray();
    }

    // ---- PNG: chunks (ISO/IEC 15948 5.3) ----

    /** Chunks that draw the picture; the others (text, EXIF, time, private ones) are dropped. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "bKGD", "pHYs");

    private static UploadedImage png(byte[] b) throws Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int p = 8;
        int width = -1;
        int height = -1;
        boolean ended = false;
        while (!ended) {
            if (p + 8 > b.length) {
                throw new Refused("The PNG image is truncated.");
            }
            long length = u32(b, p, true);
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > b.length || p + 12 + length > b.length) {
                throw new Refused("The PNG image is truncated.");
            }
            if (p == 8) {
                if (!type.equals("IHDR") || length != 13) {
                    throw new Refused("The PNG image is corrupt.");
                }
                width = (int) Math.min(Integer.MAX_VALUE, u32(b, p + 8, true));
                height = (int) Math.min(Integer.MAX_VALUE, u32(b, p + 12, true));
                checkPixels(width, height);
            }
            if (PNG_KEPT.contains(type)) {
                out.write(b, p, (int) (12 + length));
            }
            ended = type.equals("IEND");
            p += (int) (12 + length);
        }
        if (width <= 0 || height <= 0) {
            throw new Refused("The PNG image has no valid dimensions.");
        }
        byte[] clean = out.toByteArray();
        decodes(clean, "PNG");
        return new UploadedImage("image/png", clean, width, height);
    }

    // ---- WebP: RIFF chunks (RFC 9649) ----

    private static UploadedImage webp(byte[] b) throws Refused {
        long riffSize = u32(b, 4, false);
        if (riffSize < 4 || riffSize + 8 > b.length) {
            throw new Refused("The WebP image is truncated.");
        }
        int end = (int) (riffSize + 8);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(end);
        int p = 12;
        int width = -1;
        int height = -1;
        int vp8xAt = -1;
        boolean image = false;
        while (p < end) {
            if (p + 8 > end) {
                throw new Refused("The WebP image is truncated.");
            }
            String type = new String(b, p, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, p + 4, false);
            long padded = size + (size & 1);
            if (p + 8 + size > end) {
                throw new Refused("The WebP image is truncated.");
            }
            int data = p + 8;
            switch (type) {
                case "VP8X" -> {
                    if (p != 12 || size < 10) {
                        throw new Refused("The WebP image is corrupt.");
                    }
                    width = 1 + (int) u24(b, data + 4);
                    height = 1 + (int) u24(b, data + 7);
                    vp8xAt = chunks.size();
                }
                case "VP8 " -> {
                    // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height.
                    if (size < 10 || (b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01
                            || (b[data + 5] & 0xFF) != 0x2A) {
                        throw new Refused("The WebP image is corrupt.");
                    }
                    if (vp8xAt < 0) {
                        width = u16(b, data + 6, false) & 0x3FFF;
                        height = u16(b, data + 8, false) & 0x3FFF;
                    }
                    image = true;
                }
                case "VP8L" -> {
                    if (size < 5 || (b[data] & 0xFF) != 0x2F) {
                        throw new Refused("The WebP image is corrupt.");
                    }
                    if (vp8xAt < 0) {
                        long bits = u32(b, data + 1, false);
                        width = 1 + (int) (bits & 0x3FFF);
                        height = 1 + (int) ((bits >> 14) & 0x3FFF);
                    }
                    image = true;
                }
                case "ANMF" -> image = true;
                default -> {
                }
            }
            if (width > 0 && height > 0) {
                checkPixels(width, height);
            }
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                chunks.write(b, p, (int) Math.min(8 + padded, end - p));
            }
            p += (int) (8 + padded);
        }
        if (!image || width <= 0 || height <= 0) {
            throw new Refused("The WebP image has no picture.");
        }
        byte[] body = chunks.toByteArray();
        if (vp8xAt >= 0) {
            body[vp8xAt + 8] &= (byte) ~0x0C; // the EXIF and XMP flags: those chunks are gone
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes(ascii("RIFF"));
        int size = body.length + 4;
        out.writeBytes(new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        out.writeBytes(ascii("WEBP"));
        out.writeBytes(body);
        return new UploadedImage("image/webp", out.toByteArray(), width, height);
    }

    // ---- shared ----

    private static void checkPixels(long width, long height) throws Refused {
        if (width <= 0 || height <= 0) {
            throw new Refused("The image has no valid dimensions.");
        }
        if (width * height > MAX_PIXELS) {
            throw new Refused("The image is " + width + " × " + height + " pixels: at most " + MAX_PIXELS / 1_000_000
                    + " megapixels are accepted.");
        }
    }

    /**
     * Decodes the whole file, reading every pixel row but keeping one pixel in 8×8: a truncated or corrupt image is
     * refused (the JPEG decoder only warns of a premature end, so a warning refuses too).
     */
    private static void decodes(byte[] file, String format) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " decoder in this JDK");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(8, 8, 0, 0);
            reader.read(0, param);
            if (warned[0]) {
                throw new Refused("The " + format + " image is truncated or corrupt.");
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("The " + format + " image cannot be decoded: it is truncated, corrupt or of an unsupported kind.");
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int at, boolean big) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return big ? (x << 8) | y : (y << 8) | x;
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((long) (b[at + 2] & 0xFF) << 16);
    }

    private static long u32(byte[] b, int at, boolean big) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int x = b[at + (big ? i : 3 - i)] & 0xFF;
            v = (v << 8) | x;
        }
        return v;
    }
}
