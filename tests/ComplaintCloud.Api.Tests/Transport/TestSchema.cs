using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.Tests.Transport;

/// <summary>A tiny schema that exercises each path of the transport, independent of the product schema.</summary>
public sealed class TestSchema : Schema
{
    public const string LeakedSecret = "Password=hunter2";

    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
    }

    private sealed class TestQuery : ObjectGraphType
    {
        public TestQuery()
        {
            Name = "Query";
            Field<StringGraphType>("hello").Resolve(_ => "world");
            Field<StringGraphType>("fail")
                .Resolve(_ => throw new DomainException(ErrorCode.InvalidTransition, "A closed complaint cannot be reopened.", "input.status"));
            Field<StringGraphType>("boom")
                .Resolve(_ => throw new InvalidOperationException($"Database refused {LeakedSecret}"));
            Field<IntGraphType>("double")
                .Argument<NonNullGraphType<IntGraphType>>("value")
                .Resolve(context => context.GetArgument<int>("value") * 2);
        }
    }

    private sealed class TestMutation : ObjectGraphType
    {
        public TestMutation()
        {
            Name = "Mutation";
            Field<StringGraphType>("echo")
                .Argument<NonNullGraphType<StringGraphType>>("text")
                .Resolve(context => context.GetArgument<string>("text"));
            // Graph type instances rather than type parameters: the test host registers no graph types in DI.
            Field<StringGraphType>("shout")
                .Arguments(new QueryArgument(new NonNullGraphType(new ShoutInput())) { Name = "input" })
                .Resolve(context => context.GetArgument<Dictionary<string, object?>>("input")["text"]?.ToString()?.ToUpperInvariant());
        }
    }

    private sealed class ShoutInput : InputObjectGraphType
    {
        public ShoutInput()
        {
            Name = "ShoutInput";
            Field<NonNullGraphType<StringGraphType>>("text");
            Field("tone", new NonNullGraphType(new ToneGraphType()));
        }
    }

    private sealed class ToneGraphType : EnumerationGraphType
    {
        public ToneGraphType()
        {
            Name = "Tone";
            Add("CALM", "calm");
            Add("ANGRY", "angry");
        }
    }
}
