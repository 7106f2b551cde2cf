/// Namespace placeholder for the KLSLineEditor module; replaced as the module grows.
public enum KLSLineEditorModule {}
