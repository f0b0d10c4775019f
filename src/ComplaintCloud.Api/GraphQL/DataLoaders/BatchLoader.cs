using GraphQL.DataLoader;

namespace ComplaintCloud.Api.GraphQL.DataLoaders;

/// <summary>
/// Gathers the keys the fields of one level of a query ask for, and fetches them all with one call when the executer
/// first awaits an answer: graphql-dotnet resolves every other field of the level before it awaits an
/// <see cref="IDataLoaderResult"/>. So a page of 20 complaints reads its owners in one statement, not 20. A batch lives
/// as long as its answers; keys asked for after it was fetched start the next one.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch = fetch;
    private Batch? _gathering;

    /// <summary>The value of <paramref name="key"/>, null when there is none, fetched with the rest of its batch.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key) => Load([key], (values, _) => values.GetValueOrDefault(key));

    /// <summary>The values of <paramref name="keys"/> there are, in their order, fetched with the rest of the batch.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IReadOnlyList<TKey> keys) =>
        Load<IReadOnlyList<TValue>>(keys, (values, _) => keys.Select(values.GetValueOrDefault).OfType<TValue>().ToList());

    /// <summary>What <paramref name="answer"/> makes of the values of <paramref name="keys"/>, once its batch is fetched.</summary>
    public IDataLoaderResult<TResult> Load<TResult>(IReadOnlyCollection<TKey> keys, Func<IReadOnlyDictionary<TKey, TValue>, CancellationToken, TResult> answer)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _gathering ??= new Batch(this);
        _gathering.Keys.UnionWith(keys);
        return new Answer<TResult>(_gathering, answer);
    }

    private sealed class Batch(BatchLoader<TKey, TValue> loader)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _values;

        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> ValuesAsync(CancellationToken cancellationToken)
        {
            if (_values is null)
            {
                if (loader._gathering == this)
                {
                    loader._gathering = null;
                }

                _values = loader._fetch(Keys, cancellationToken);
            }

            return _values;
        }
    }

    private sealed class Answer<TResult>(Batch batch, Func<IReadOnlyDictionary<TKey, TValue>, CancellationToken, TResult> answer) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            answer(await batch.ValuesAsync(cancellationToken), cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
