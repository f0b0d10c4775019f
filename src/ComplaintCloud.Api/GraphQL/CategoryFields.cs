using ComplaintCloud.Application.Categories;
using ComplaintCloud.Domain.Categories;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>The tenant's category tree (issue 16.8): listed for the desk and the public form, edited by its admins.</summary>
public static class CategoryFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The tenant's category tree, flattened, ordered by code.")
            .Argument<BooleanGraphType>("includeInactive", "Also the retired categories.", a => a.DefaultValue = false)
            .ResolveAsync(async c => await c.Service<CategoryTree>().ListAsync(c.GetArgument<bool>("includeInactive"), c.CancellationToken));
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<CategoryType>>("upsertCategory")
            .Description("Adds a category under an existing parent (\"a/b\" goes under \"a\"), or renames, retires or revives one. Tenant admins only.")
            .Argument<NonNullGraphType<UpsertCategoryInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UpsertCategoryInput>("input");
                return await c.Service<CategoryTree>().UpsertAsync(
                    new UpsertCategoryCommand(input.Code, input.NameZh, input.NameEn, input.Active), c.CancellationToken);
            });
    }
}

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Description = "A node of the tenant's category tree; its code is a slash path such as \"fuel/quality\".";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Name(c.GetArgument<string?>("locale")));
        Field<StringGraphType>("parentCode").Description("The code up to its last slash; null at the top.").Resolve(c => c.Source.ParentCode);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("False once retired: intake refuses it.").Resolve(c => c.Source.Active);
    }
}

public sealed class UpsertCategoryInput
{
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public bool Active { get; init; } = true;
}

public sealed class UpsertCategoryInputType : InputObjectGraphType<UpsertCategoryInput>
{
    public UpsertCategoryInputType()
    {
        Name = "UpsertCategoryInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Lower-case segments joined by slashes, e.g. \"fuel/quality/octane\".");
        Field<NonNullGraphType<StringGraphType>>("nameZh");
        Field<NonNullGraphType<StringGraphType>>("nameEn");
        Field<BooleanGraphType>("active").DefaultValue(true);
    }
}
