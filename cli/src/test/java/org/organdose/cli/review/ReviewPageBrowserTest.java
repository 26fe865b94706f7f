package org.organdose.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real headless Chromium (skipped where none is installed): it loads the tiny
 * study, draws the axial view, and the organ contours lie in the screenshot where the organs are.
 */
class ReviewPageBrowserTest {
    /** The page's contour colours of the liver and the right kidney. */
    private static final int LIVER = 0x50c8ff;
    private static final int KIDNEY_RIGHT = 0xff78c8;
    /** The axial view's left edge (the page's padding) and width in CSS pixels: 24 x 2 mm shown 360 px high for 20 x 2.5 mm. */
    private static final double VIEW_LEFT = 8;
    private static final double PIXELS_PER_COLUMN = 360.0 / 50 * 2;

    @TempDir
    Path dir;

    @Test
    void contoursAreDrawnWhereTheOrgansAre() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no chromium");
        Path out = TinyDosimetryFolder.write(dir);
        Path shot = dir.resolve("shot.png");
        try (ReviewServer server = ReviewServer.open(out, 0)) {
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,900", "--virtual-time-budget=10000",
                    "--screenshot=" + shot, server.url())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            boolean done = p.waitFor(90, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done).as("chromium finished").isTrue();
        }
        BufferedImage image = ImageIO.read(new File(shot.toString()));
        // the axial slice 6 shows the liver in columns 3..9 and the right kidney in columns 14..19 (patient right on the left)
        int[] liver = columnsOf(image, LIVER);
        int[] kidney = columnsOf(image, KIDNEY_RIGHT);
        assertThat(liver[2]).as("liver contour pixels").isGreaterThan(20);
        assertThat(kidney[2]).as("kidney contour pixels").isGreaterThan(20);
        assertThat(liver[0]).isGreaterThanOrEqualTo((int) (VIEW_LEFT + 3 * PIXELS_PER_COLUMN) - 1);
        assertThat(liver[1]).isLessThanOrEqualTo((int) (VIEW_LEFT + 10 * PIXELS_PER_COLUMN) + 1);
        assertThat(kidney[0]).isGreaterThanOrEqualTo((int) (VIEW_LEFT + 14 * PIXELS_PER_COLUMN) - 1);
        assertThat(kidney[1]).isLessThanOrEqualTo((int) (VIEW_LEFT + 20 * PIXELS_PER_COLUMN) + 1);
    }

    /** The first and last x and the count of pixels of one colour within the axial view. */
    private static int[] columnsOf(BufferedImage image, int rgb) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        int count = 0;
        int right = (int) (VIEW_LEFT + 24 * PIXELS_PER_COLUMN);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < Math.min(right, image.getWidth()); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                    count++;
                }
            }
        }
        return new int[] {first, last, count};
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }
}
