package org.organdose.report;

import java.util.ArrayList;
import java.util.List;
import org.organdose.image.Organ;
import org.organdose.dosimetry.SavedResults;

/** Cumulative dose-volume histograms as inline SVG: % of organ volume receiving at least a dose, against Gy. */
final class DvhPlot {
    private DvhPlot() {
    }

    static String svg(List<SavedResults.OrganValues> organs) {
        double maxDose = 0;
        for (SavedResults.OrganValues o : organs) {
            for (double d : o.dvhDoseGy()) {
                maxDose = Math.max(maxDose, d);
            }
        }
        Axis x = Axis.linear(0, maxDose, PlotFrame.plotLeft(), PlotFrame.plotRight());
        Axis y = Axis.linear(0, 100, PlotFrame.plotBottom(), PlotFrame.plotTop());
        StringBuilder svg = new StringBuilder();
        PlotFrame.open(svg, "dvh", "cumulative dose-volume histograms", x, y, "absorbed dose (Gy)", "volume (%)");
        for (SavedResults.OrganValues o : organs) {
            StringBuilder d = new StringBuilder();
            double[] dose = o.dvhDoseGy();
            double[] volume = o.dvhVolumeFraction();
            for (int i = 0; i < dose.length; i++) {
                d.append(i == 0 ? "M" : " L").append(Format.px(x.toPixel(dose[i]))).append(' ')
                        .append(Format.px(y.toPixel(100 * volume[i])));
            }
            svg.append("<path class=\"dvh-curve\" data-organ=\"").append(o.organ().key()).append("\" stroke=\"")
                    .append(OrganStyle.css(o.organ())).append("\" d=\"").append(d).append("\"/>\n");
        }
        List<Organ> keys = new ArrayList<>();
        organs.forEach(o -> keys.add(o.organ()));
        PlotFrame.close(svg, keys, null);
        return svg.toString();
    }
}
