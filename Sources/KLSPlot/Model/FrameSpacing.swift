import Foundation

/// How the frames of an animation are chosen from a fit's steps.
public enum FrameSpacing: String, Sendable, CaseIterable {
    /// Evenly in the step index.
    case steps
    /// Evenly in the logarithm of the step (many early frames, where fits move fast).
    case log
    /// Evenly in progress along the path (equal distances travelled between frames), so that
    /// the picture never stands still while the steps run on.
    case path

    /// min(`count`, `maximum`) (maximum at least 2) increasing step indices of `count`, the first
    /// and the last included; where the spacing wants one step twice, the next free one is taken. For `.path`, `progress[i]` is the distance travelled up to step i
    /// (non-decreasing); when it does not grow, the steps are spread evenly instead.
    public func indices(count: Int, maximum: Int, progress: [Double] = []) -> [Int] {
        let limit = Swift.max(2, maximum)
        guard count > limit else { return Array(0..<Swift.max(0, count)) }
        let last = count - 1
        var chosen: [Int]
        switch self {
        case .steps:
            chosen = (0..<limit).map { Int((Double($0) * Double(last) / Double(limit - 1)).rounded()) }
        case .log:
            chosen = (0..<limit).map { Int((exp(Double($0) / Double(limit - 1) * Foundation.log(Double(count))) - 1).rounded()) }
        case .path:
            guard progress.count == count, let total = progress.last, total > 0, total.isFinite else {
                return FrameSpacing.steps.indices(count: count, maximum: maximum)
            }
            chosen = []
            var step = 0
            for frame in 0..<limit {
                let target = total * Double(frame) / Double(limit - 1)
                while step < last, progress[step] < target { step += 1 }
                chosen.append(step)
            }
        }
        chosen[0] = 0
        for k in 1..<chosen.count { chosen[k] = Swift.max(chosen[k], chosen[k - 1] + 1) }
        chosen[chosen.count - 1] = last
        for k in stride(from: chosen.count - 2, through: 0, by: -1) { chosen[k] = Swift.min(chosen[k], chosen[k + 1] - 1) }
        return chosen
    }

    /// Distance travelled along `path` (rows of coordinates, each coordinate divided by its
    /// range so that no parameter dominates) up to each point.
    public static func progress(of paths: [[[Double]]]) -> [Double] {
        let count = paths.map(\.count).max() ?? 0
        var total = [Double](repeating: 0, count: count)
        for path in paths {
            guard let dimension = path.first?.count, dimension > 0 else { continue }
            let spans = (0..<dimension).map { d -> Double in
                let values = path.map { $0[d] }.filter(\.isFinite)
                let span = (values.max() ?? 0) - (values.min() ?? 0)
                return span > 0 ? span : 1
            }
            var travelled = 0.0
            for index in 1..<Swift.max(1, count) {
                let a = path[Swift.min(index - 1, path.count - 1)], b = path[Swift.min(index, path.count - 1)]
                var squared = 0.0
                for d in 0..<dimension {
                    let step = (b[d] - a[d]) / spans[d]
                    if step.isFinite { squared += step * step }
                }
                travelled += squared.squareRoot()
                total[index] += travelled
            }
        }
        return total
    }
}
