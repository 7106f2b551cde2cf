/// Solves A·x = b in place by Gaussian elimination with partial pivoting.
///
/// `matrix` holds A (n×n, row-major) and is overwritten by its LU factors; `rhs` holds b
/// and is overwritten by x. Returns false, leaving x unspecified, when A is numerically
/// singular: a pivot of magnitude ≤ n·ε·max|Aᵢⱼ| (ε the double epsilon) or an all-zero A.
func solveInPlace(matrix: UnsafeMutableBufferPointer<Double>, rhs: UnsafeMutableBufferPointer<Double>, n: Int) -> Bool {
    guard n > 0 else { return true }
    var largest = 0.0
    for value in matrix { largest = max(largest, abs(value)) }
    guard largest > 0 else { return false }
    let tolerance = Double(n) * Double.ulpOfOne * largest
    for column in 0..<n {
        var pivotRow = column
        for row in (column + 1)..<n where abs(matrix[row * n + column]) > abs(matrix[pivotRow * n + column]) {
            pivotRow = row
        }
        let pivot = matrix[pivotRow * n + column]
        guard abs(pivot) > tolerance else { return false }
        if pivotRow != column {
            for k in 0..<n { matrix.swapAt(pivotRow * n + k, column * n + k) }
            rhs.swapAt(pivotRow, column)
        }
        for row in (column + 1)..<n {
            let factor = matrix[row * n + column] / pivot
            guard factor != 0 else { continue }
            for k in (column + 1)..<n { matrix[row * n + k] -= factor * matrix[column * n + k] }
            rhs[row] -= factor * rhs[column]
        }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
        var sum = rhs[row]
        for k in (row + 1)..<n { sum -= matrix[row * n + k] * rhs[k] }
        rhs[row] = sum / matrix[row * n + row]
    }
    return true
}
