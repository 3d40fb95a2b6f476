package dev.docflow.bench.harness;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A bar chart of one column of the figures, a bar per row, as PNG bytes (drawn headless). */
public final class FiguresChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;

    private FiguresChart() {
    }

    public static DefaultCategoryDataset dataset(BenchFigures figures) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (BenchFigures.Row row : figures.rows()) {
            Double value = row.figures().get(figures.chartColumn());
            if (value != null) {
                dataset.addValue(value, figures.chartColumn(), row.what());
            }
        }
        return dataset;
    }

    public static byte[] png(BenchFigures figures) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = ChartFactory.createBarChart(figures.title(), null,
                figures.chartColumn() + (figures.chartUnit() == null ? "" : " (" + figures.chartUnit() + ")"),
                dataset(figures), PlotOrientation.HORIZONTAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x3b6ea5));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        return bytes.toByteArray();
    }
}
