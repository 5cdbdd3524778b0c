namespace Interpret.Core.Coreference;

/// <summary>The maximum-weight one-to-one assignment between rows and columns of a weight matrix (Kuhn–Munkres with
/// potentials, O(n²m)); rows or columns may be left unmatched when the matrix is not square.</summary>
public static class Assignment
{
    /// <returns>the largest Σ w[r, c] over a matching of rows to distinct columns</returns>
    public static double MaximumWeight(double[,] weights)
    {
        int rows = weights.GetLength(0), columns = weights.GetLength(1);
        if (rows == 0 || columns == 0) return 0;
        bool transpose = rows > columns;
        int n = transpose ? columns : rows, m = transpose ? rows : columns;
        double Cost(int i, int j) => -(transpose ? weights[j - 1, i - 1] : weights[i - 1, j - 1]); // minimise −weight

        // Shortest augmenting paths with row/column potentials u, v (1-based; column 0 is the path's root).
        var u = new double[n + 1];
        var v = new double[m + 1];
        var matchOfColumn = new int[m + 1];
        var way = new int[m + 1];
        for (int i = 1; i <= n; i++)
        {
            matchOfColumn[0] = i;
            int column = 0;
            var minimum = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[column] = true;
                int row = matchOfColumn[column], next = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    double reduced = Cost(row, j) - u[row] - v[j];
                    if (reduced < minimum[j]) (minimum[j], way[j]) = (reduced, column);
                    if (minimum[j] < delta) (delta, next) = (minimum[j], j);
                }
                for (int j = 0; j <= m; j++)
                {
                    if (used[j]) { u[matchOfColumn[j]] += delta; v[j] -= delta; }
                    else minimum[j] -= delta;
                }
                column = next;
            } while (matchOfColumn[column] != 0);
            do
            {
                int previous = way[column];
                matchOfColumn[column] = matchOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++)
            if (matchOfColumn[j] != 0) total -= Cost(matchOfColumn[j], j);
        return total;
    }
}
