using ComplaintCloud.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

public static class ComplaintIncludes
{
    /// <summary>The lifecycle's rows beside a complaint (evidence without file bytes, tasks, notes), in split queries.</summary>
    public static IQueryable<Complaint> IncludeLifecycle(this IQueryable<Complaint> complaints) =>
        complaints.Include(c => c.Evidence).Include(c => c.Tasks).Include(c => c.Notes).AsSplitQuery();
}
