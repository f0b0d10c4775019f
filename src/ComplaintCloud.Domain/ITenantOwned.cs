namespace ComplaintCloud.Domain;

/// <summary>A row that belongs to one tenant; the data layer filters and guards it by <see cref="TenantId"/>.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
