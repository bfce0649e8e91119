using System.Data.Common;

namespace SituationRoom.Web.Data;

/// <summary>
/// One prepared statement run once per row inside the caller's transaction: for the bulk paths (loading the
/// demo city, writing a scoring run) where EF change tracking would cost minutes for what this does in seconds.
/// </summary>
public static class PreparedBatch
{
    public static string InsertSql(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
        $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";

    /// <summary>Runs <paramref name="sql"/> (parameters @p0, @p1, …) for each row; the row's values fill them in order.</summary>
    public static void Execute<T>(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        DbCommand? command = null;
        DbParameter[] parameters = [];
        try
        {
            foreach (var row in rows)
            {
                var rowValues = values(row);
                if (command is null)
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    parameters = rowValues.Select((_, i) =>
                    {
                        var p = command.CreateParameter();
                        p.ParameterName = $"@p{i}";
                        command.Parameters.Add(p);
                        return p;
                    }).ToArray();
                    command.Prepare();
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = rowValues[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }
        finally
        {
            command?.Dispose();
        }
    }
}
