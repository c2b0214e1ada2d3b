package fr.civicgateway.connectors.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WebP checks, which the JDK cannot decode: the RIFF structure, the dimensions of each bitstream's header, the
 * metadata chunks dropped. (JPEG and PNG are tested over HTTP in the app: {@code AttachmentsOverHttpTest}.)
 */
class UploadedImageTest {

    /** A lossless WebP's header (VP8L: signature 0x2F, then 14-bit width − 1 and height − 1). */
    private static byte[] vp8l(int width, int height) {
        long bits = (width - 1) | ((long) (height - 1) << 14);
        return new byte[] {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0};
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        int n = data.length;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        out.writeBytes(data);
        if ((n & 1) == 1) {
            out.write(0);
        }
    }

    private static byte[] riff(byte[] chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        int n = chunks.length + 4;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunks);
        return out.toByteArray();
    }

    /** An extended WebP: VP8X (flags: EXIF 0x08, XMP 0x04; canvas size), its EXIF and XMP, the picture. */
    private static byte[] extended(int width, int height, String exif) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        int w = width - 1;
        int h = height - 1;
        chunk(c, "VP8X", new byte[] {0x0C, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8),
                (byte) (h >> 16)});
        chunk(c, "VP8L", vp8l(width, height));
        chunk(c, "EXIF", exif.getBytes(StandardCharsets.US_ASCII));
        chunk(c, "XMP ", "<x:xmpmeta>GPS</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII));
        return riff(c.toByteArray());
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() throws Exception {
        byte[] file = extended(800, 600, "Exif\0\0MM GPSLatitude 45.8992");

        UploadedImage image = UploadedImage.check(file);

        assertThat(image.mediaType()).isEqualTo("image/webp");
        assertThat(image.width()).isEqualTo(800);
        assertThat(image.height()).isEqualTo(600);
        String kept = new String(image.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(kept).startsWith("RIFF").contains("WEBPVP8X").contains("VP8L").doesNotContain("EXIF")
                .doesNotContain("GPS").doesNotContain("XMP ");
        assertThat(image.bytes()[20] & 0x0C).as("the EXIF and XMP flags").isZero();
        int riffSize = (image.bytes()[4] & 0xFF) | (image.bytes()[5] & 0xFF) << 8 | (image.bytes()[6] & 0xFF) << 16;
        assertThat(riffSize + 8).isEqualTo(image.bytes().length);
    }

    @Test
    void aWebpOverFortyMegapixelsIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> UploadedImage.check(extended(16_000, 16_000, "x")))
                .isInstanceOf(UploadedImage.Refused.class)
                .hasMessage("The image is 16000 × 16000 pixels: at most 40 megapixels are accepted.");
    }

    @Test
    void aWebpWithoutAPictureOrCutShortIsRefused() {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        chunk(c, "EXIF", "Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> UploadedImage.check(riff(c.toByteArray())))
                .isInstanceOf(UploadedImage.Refused.class).hasMessage("The WebP image has no picture.");
        byte[] whole = extended(10, 10, "x");
        assertThatThrownBy(() -> UploadedImage.check(java.util.Arrays.copyOf(whole, whole.length - 10)))
                .isInstanceOf(UploadedImage.Refused.class).hasMessage("The WebP image is truncated.");
    }

    @Test
    void neitherTheNameNorTheDeclaredTypeButTheBytesDecide() {
        assertThatThrownBy(() -> UploadedImage.check("GIF89a\1\0\1\0".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UploadedImage.Refused.class).hasMessage("The file is not a JPEG, PNG or WebP image.");
        assertThatThrownBy(() -> UploadedImage.check(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isInstanceOf(UploadedImage.Refused.class).hasMessage("The JPEG image is truncated.");
    }
}
