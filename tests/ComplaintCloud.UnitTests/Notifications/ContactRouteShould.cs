using ComplaintCloud.Domain.Notifications;

namespace ComplaintCloud.UnitTests.Notifications;

/// <summary>Which channel reaches the customer (issue 14.4): the contact given, an e-mail, a mobile number, or none.</summary>
public sealed class ContactRouteShould
{
    [Theory]
    [InlineData("wang@example.com", ContactKind.Email, "wang@example.com")]
    [InlineData("138-0000-0000", ContactKind.Mobile, "13800000000")]
    [InlineData("+44 7700 900123", ContactKind.Mobile, "+447700900123")]
    public void ReachTheCustomerByTheContactTheyGave(string contact, ContactKind kind, string address) =>
        Assert.Equal(new ContactRoute(kind, address), ContactRoute.Of(contact));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wechat: wang_88")]
    [InlineData("not an address@")]
    public void ReachNoOneWithoutAnAddressOrNumber(string? contact) => Assert.Null(ContactRoute.Of(contact));

    [Theory]
    [InlineData("13800000000", "+8613800000000")]
    [InlineData("+447700900123", "+447700900123")]
    public void TextANumberWithoutCountryCodeInTheDefaultCountry(string number, string international) =>
        Assert.Equal(international, ContactRoute.InternationalNumber(number, "86"));
}
