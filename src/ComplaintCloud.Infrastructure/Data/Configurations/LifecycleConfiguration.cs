using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

/// <summary>The lifecycle's columns on complaints, and the rows it adds beside them: evidence, files, tasks, notes.</summary>
internal static class LifecycleConfiguration
{
    /// <summary>How the lifecycle's (and the preventive measures') JSON columns are written: instants as ISO text, enums by name.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new InstantJsonConverter(), new JsonStringEnumConverter() },
    };

    private static readonly string[] CallbackScores =
        [nameof(Satisfaction.Overall), nameof(Satisfaction.Attitude), nameof(Satisfaction.Speed), nameof(Satisfaction.Professionalism), nameof(Satisfaction.Outcome)];

    public static void ConfigureLifecycle(this EntityTypeBuilder<Complaint> builder)
    {
        builder.Ignore(c => c.Urgency);
        builder.Ignore(c => c.RemedyOptions);
        builder.Ignore(c => c.CurrentTasks);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => c.OwnerId);
        builder.Property(c => c.HandlerIds).HasColumnType("uuid[]").HasConversion(ids => ids.ToArray(), ids => ids, ListColumns.Comparer<Guid>());
        builder.Property(c => c.RootCause).AsTextArray();
        builder.Property(c => c.Remedies).HasColumnType("text[]").HasConversion(
            remedies => NamesOf(remedies), names => RemediesNamed(names), ListColumns.Comparer<Remedy>());
        builder.Property(c => c.Responsibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ResponsibilityReason).HasMaxLength(Complaint.MaxReasonLength);
        builder.Property(c => c.ShortTermMeasures).HasMaxLength(Complaint.MaxReasonLength);
        builder.Property(c => c.LongTermMeasures).HasMaxLength(Complaint.MaxReasonLength);
        builder.Property(c => c.Compensation).HasPrecision(18, 2);
        builder.Property(c => c.EscalatedToRole).HasMaxLength(100);
        // Approvals live on the complaint row so that racing approvals meet its concurrency token.
        builder.Property(c => c.Approvals).AsJsonList(Json);
        builder.Property(c => c.Reviews).AsJsonList(Json);
        builder.Property(c => c.AnalysisReport).AsJsonRecord();
        builder.Property(c => c.LastCallback).AsJsonRecord();
        // The latest callback's scores and the number of handlers again as plain integers, for the report: it averages
        // and counts columns instead of unpacking jsonb per complaint, and its covering index holds them (an index row
        // cannot hold a whole array). PostgreSQL computes them on every write, and for existing rows.
        foreach (var score in CallbackScores)
        {
            builder.Property<int?>("Callback" + score).HasComputedColumnSql(
                $"(last_callback->'satisfaction'->>'{JsonNamingPolicy.CamelCase.ConvertName(score)}')::int", stored: true);
        }

        builder.Property<int>("HandlerCount").HasComputedColumnSql("cardinality(handler_ids)", stored: true);

        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Tasks).HasField("_tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Notes).HasField("_notes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    // Methods, not LINQ inside the conversion: an expression tree makes a lambda or a method group it holds into a new
    // delegate on every call, so once for every complaint read (3 % of a list page's CPU).
    private static string[] NamesOf(IReadOnlyList<Remedy> remedies) => [.. remedies.Select(r => r.ToString())];

    private static List<Remedy> RemediesNamed(string[] names) => [.. names.Select(Enum.Parse<Remedy>)];

    // A record, or null, in a jsonb column; records compare by value, so changes are seen without a comparer.
    private static void AsJsonRecord<T>(this PropertyBuilder<T?> property)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            value => value == null ? null : JsonSerializer.Serialize(value, Json),
            json => json == null ? null : JsonSerializer.Deserialize<T>(json, Json));

    private sealed class InstantJsonConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow();

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.HasKey(e => e.Id);
        // Ids come from the domain: a new row found beside a loaded complaint is an insert, never an update.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.ComplaintId, e.AddedAt });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Text).HasMaxLength(EvidenceItem.MaxTextLength);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.OnSiteLocation).HasMaxLength(EvidenceItem.MaxLocationLength);
        builder.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.HasKey(f => f.EvidenceItemId);
        builder.Property(f => f.Content).HasColumnType("bytea");
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> builder)
    {
        builder.ToTable("complaint_tasks");
        builder.HasKey(t => t.Id);
        // Ids come from the domain: a new row found beside a loaded complaint is an insert, never an update.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.ComplaintId, t.PlanRevision });
        builder.HasIndex(t => new { t.TenantId, t.OwnerId });
        builder.Property(t => t.Title).HasMaxLength(PlanTask.MaxTextLength);
        builder.Property(t => t.Department).HasMaxLength(PlanTask.MaxTextLength);
        builder.Property(t => t.LastNote).HasMaxLength(PlanTask.MaxTextLength);
    }
}

internal sealed class ComplaintNoteConfiguration : IEntityTypeConfiguration<ComplaintNote>
{
    public void Configure(EntityTypeBuilder<ComplaintNote> builder)
    {
        builder.HasKey(n => n.Id);
        // Ids come from the domain: a new row found beside a loaded complaint is an insert, never an update.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.ComplaintId, n.At });
        builder.Property(n => n.Text).HasMaxLength(ComplaintNote.MaxTextLength);
        builder.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(20);
    }
}
