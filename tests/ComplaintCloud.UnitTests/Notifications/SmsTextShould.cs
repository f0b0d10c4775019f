using ComplaintCloud.Domain.Notifications;

namespace ComplaintCloud.UnitTests.Notifications;

/// <summary>SMS length and segmenting (issue 14.2): GSM 7-bit 160/153, UCS-2 (Chinese) 70/67.</summary>
public sealed class SmsTextShould
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void CountGsmSegmentsOf160Then153(int length, int segments)
    {
        var sms = SmsText.Of(new string('a', length));

        Assert.Equal((SmsEncoding.Gsm7, length, segments), (sms.Encoding, sms.Units, sms.Segments));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void CountChineseAsUcs2SegmentsOf70Then67(int length, int segments)
    {
        var sms = SmsText.Of(new string('酒', length));

        Assert.Equal((SmsEncoding.Ucs2, segments), (sms.Encoding, sms.Segments));
    }

    [Fact]
    public void CountAnExtensionCharacterAsTwoSeptets()
    {
        Assert.Equal((SmsEncoding.Gsm7, 2, 1), (SmsText.Of("€").Encoding, SmsText.Of("€").Units, SmsText.Of("€").Segments));
        Assert.Equal(2, SmsText.Of(new string('a', 159) + "€").Segments);
    }

    [Fact]
    public void CutATextLongerThanTenSegmentsWithAnEllipsis()
    {
        var sms = SmsText.Of(new string('酒', 1000));

        Assert.Equal((SmsText.MaxSegments, 67 * SmsText.MaxSegments), (sms.Segments, sms.Units));
        Assert.EndsWith("酒…", sms.Text, StringComparison.Ordinal);
    }
}
