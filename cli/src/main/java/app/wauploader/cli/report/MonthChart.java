package app.wauploader.cli.report;

import app.wauploader.core.app.BackupReport.MonthTotals;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the bytes-per-month bar chart (stacked: Photos below, Drive above), computed here
 * so the template only places numbers. At most the last 24 months are drawn.
 */
final class MonthChart {
  static final int MAX_MONTHS = 24;

  private MonthChart() {}

  static Map<String, Object> of(List<MonthTotals> all) {
    List<MonthTotals> months = all.subList(Math.max(0, all.size() - MAX_MONTHS), all.size());
    int width = HtmlReport.CHART_WIDTH;
    int height = HtmlReport.CHART_HEIGHT;
    int plot = height - HtmlReport.CHART_TOP - HtmlReport.CHART_BOTTOM;
    int baseline = height - HtmlReport.CHART_BOTTOM;
    long max = 1;
    for (MonthTotals m : months) {
      max = Math.max(max, m.bytes());
    }
    double slot = (width - 2.0 * HtmlReport.CHART_LEFT) / Math.max(1, months.size());
    double bar = Math.min(48, slot * 0.7);
    List<Object> bars = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      MonthTotals m = months.get(i);
      double x = HtmlReport.CHART_LEFT + i * slot + (slot - bar) / 2;
      double photos = plot * (double) m.photosBytes() / max;
      double drive = plot * (double) m.driveBytes() / max;
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("x", round(x));
      b.put("width", round(bar));
      b.put("photosY", round(baseline - photos));
      b.put("photosHeight", round(photos));
      b.put("driveY", round(baseline - photos - drive));
      b.put("driveHeight", round(drive));
      b.put("labelX", round(x + bar / 2));
      b.put("labelY", baseline + 16);
      b.put(
          "label",
          m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
              + (i == 0 || m.month().getMonthValue() == 1 ? " " + m.month().getYear() : ""));
      b.put("month", m.month().toString());
      b.put("bytes", m.bytes());
      b.put("size", HtmlReport.size(m.bytes()));
      b.put("photosSize", HtmlReport.size(m.photosBytes()));
      b.put("driveSize", HtmlReport.size(m.driveBytes()));
      b.put("files", m.files());
      bars.add(b);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("width", width);
    chart.put("height", height);
    chart.put("baseline", baseline);
    chart.put("right", width - HtmlReport.CHART_LEFT);
    chart.put("left", HtmlReport.CHART_LEFT);
    chart.put("bars", bars);
    chart.put("max", HtmlReport.size(max));
    chart.put("topY", HtmlReport.CHART_TOP - 4);
    return chart;
  }

  private static String round(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
