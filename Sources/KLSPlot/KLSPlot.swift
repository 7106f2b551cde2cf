/// Namespace placeholder for the KLSPlot module; replaced as the module grows.
public enum KLSPlotModule {}
