import KLSPlot

/// What a session shows besides text, when a front end that can show pictures has installed
/// `Interpreter.display` (the Jupyter kernel): plots go there instead of being printed as
/// braille text.
public enum DisplayItem {
    /// A figure drawn by `plot`, `hist`, `bar`…, to show at `width` × `height` pixels.
    case figure(Figure, width: Int, height: Int)
    /// The frames of `animate` (without `file=`) at `scale` (nil: the default), shown in turn
    /// for `delayCentiseconds` each, the last for `lastDelayCentiseconds`.
    case animation([Figure], width: Int, height: Int, scale: Double?, delayCentiseconds: Int, lastDelayCentiseconds: Int)
    /// Text that also reads as Markdown with LaTeX formulas (`explain`'s sums).
    case text(String, markdown: String)
    /// The progress line of a long fit (see `FitProgress`); `done` when the fit has ended.
    case progress(String, done: Bool)
    /// `clear_output`: what the cell has shown so far goes; with `wait`, when the next output comes.
    case clear(wait: Bool)
}
