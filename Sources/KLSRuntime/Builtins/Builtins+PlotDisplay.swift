import Foundation
import KLSPlot

/// How plots print as text: braille unless the locale is not UTF-8 (`LC_ALL`, `LC_CTYPE`,
/// `LANG`), colour only on a terminal with `NO_COLOR` unset and `TERM` not `dumb`, and panels
/// sized to fill the terminal's width (or 80 columns when the output is a pipe or a file).
struct PlotText {
    /// Whether the output is a terminal.
    var isTerminal: Bool
    /// The environment the charset and colour are read from.
    var environment: [String: String]
    /// Size of the terminal in characters (ignored when `isTerminal` is false).
    var terminalSize: (columns: Int, rows: Int)?

    /// Width assumed for output that is not a terminal, so that pipes and files get stable text.
    static let pipeColumns = 80
    /// Narrowest and widest plot area of one panel, in characters.
    static let panelWidths = 20...100
    /// Lowest and highest plot area of one panel on a terminal, in characters.
    static let panelHeights = 5...18
    /// Lines a panel uses besides its plot area: title, top and bottom frame, tick labels, x label.
    static let panelFrameLines = 5
    /// Terminal lines left for the input line, the echoed summary and the next prompt.
    static let promptLines = 4

    /// The settings for `interpreter`'s output, read from the process now.
    static func current(_ interpreter: Interpreter) -> PlotText {
        let terminal = interpreter.outputIsTerminal
        return PlotText(isTerminal: terminal, environment: ProcessInfo.processInfo.environment,
                        terminalSize: terminal ? windowSize() : nil)
    }

    /// The size of the terminal on standard output, if it reports one.
    static func windowSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Colour escapes only on a terminal, with `NO_COLOR` unset and `TERM` not `dumb`.
    var usesColor: Bool {
        isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Options for drawing `figure`: a height that fits the grid's rows on the terminal, and the
    /// panel width that makes the whole grid as wide as the available columns — found by
    /// measuring a trial rendering (tick labels, legends and gaps around the plot areas barely
    /// change with the width, so one or two corrections settle it).
    /// `widest` caps the plot-area width (bar charts of a few outcomes read best narrow).
    func options(for figure: Figure, widest: Int? = nil) -> TerminalOptions {
        let charset = TerminalCharset.preferred(environment: environment)
        let columns = isTerminal ? (terminalSize?.columns ?? Self.pipeColumns) - 1 : Self.pipeColumns
        let gridRows = figure.gridShape.rows, gridCols = figure.gridShape.cols
        let height: Int
        if isTerminal, let rows = terminalSize?.rows {
            let perPanel = (rows - Self.promptLines - (gridRows - 1)) / gridRows - Self.panelFrameLines
            height = min(max(perPanel, Self.panelHeights.lowerBound), Self.panelHeights.upperBound)
        } else {
            height = gridRows == 1 ? 15 : 10
        }
        var options = TerminalOptions(width: 40, height: height, color: false, charset: charset)
        // Titles are centred over the plot and may run past it: they do not size it.
        var probe = figure
        for index in probe.panels.indices { probe.panels[index].title = "" }
        for _ in 0..<3 {
            let measured = probe.terminalWidth(options)
            let surroundings = measured - options.width * gridCols
            let upper = min(widest ?? Self.panelWidths.upperBound, Self.panelWidths.upperBound)
            let fitted = min(max((columns - surroundings) / gridCols, Self.panelWidths.lowerBound), upper)
            if fitted == options.width || (measured <= columns && fitted > options.width && fitted - options.width < 2) { break }
            options.width = fitted
        }
        options.color = usesColor
        return options
    }

    /// The figure as text, with a final newline.
    func render(_ figure: Figure, widest: Int? = nil) -> String {
        figure.renderTerminal(options(for: figure, widest: widest)) + "\n"
    }
}

extension Interpreter {
    /// Prints `figure` as text (its plot areas at most `widest` characters wide), or hands it
    /// to the display when one is installed; makes it the figure `savefig` writes, and
    /// returns it as a value. With `warn`, points a log axis leaves out are reported as a
    /// warning located at the call (see `WarningLog`), as matplotlib warns and draws the rest.
    func show(_ figure: Figure, print: Bool = true, widest: Int? = nil, warn: Bool = true) -> Value {
        let plot = PlotValue(figure, widest: widest)
        lastFigure = plot
        let hidden = warn ? figure.panels.map(\.pointsHiddenByLogScale).reduce(0, +) : 0
        if hidden > 0 {
            warnings.pending.append("\(hidden) point\(hidden == 1 ? "" : "s") with a value ≤ 0 cannot be drawn on a log scale and \(hidden == 1 ? "is" : "are") left out")
        }
        if print, let display {
            let grid = figure.gridShape
            display(.figure(figure, width: min(8192, Figure.defaultPanelPixels.width * grid.cols),
                            height: min(8192, Figure.defaultPanelPixels.height * grid.rows)))
        } else if print {
            write(PlotText.current(self).render(figure, widest: widest))
        }
        return .object(plot)
    }
}
