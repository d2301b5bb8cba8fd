using System.Globalization;

namespace OpenEts.Server.Localization;

/// <summary>User-facing text in Chinese (the default) and English, chosen by the request's UI culture.</summary>
public static class Text
{
    private static readonly Dictionary<string, (string Zh, string En)> Strings = new()
    {
        ["app"] = ("OpenETS 碳市场管理平台", "OpenETS carbon market platform"),
        ["tagline"] = ("碳排放权交易与节能减排的一体化平台：报告核查、配额分配、注册登记、交易、履约、抵销、碳普惠与能耗双控。",
            "One platform for the carbon market and energy saving: MRV, allocation, registry, trading, compliance, offsets, carbon inclusion and energy dual control."),
        ["home"] = ("首页", "Home"),
        ["entities"] = ("纳入企业名单", "Covered entities"),
        ["audit"] = ("审计日志", "Audit log"),
        ["tokens"] = ("API 令牌", "API tokens"),
        ["apiref"] = ("API 参考", "API reference"),
        ["signin"] = ("登录", "Sign in"),
        ["signout"] = ("退出", "Sign out"),
        ["username"] = ("用户名", "User name"),
        ["password"] = ("密码", "Password"),
        ["badcredentials"] = ("用户名或密码不正确。", "Wrong user name or password."),
        ["lockedout"] = ("登录失败次数过多，账户已锁定至 {0}。", "Too many failed sign-ins; the account is locked until {0}."),
        ["denied"] = ("您的角色无权访问此页面。", "Your role may not use this page."),
        ["soon"] = ("即将推出", "coming"),
        ["mrv"] = ("报告与核查", "MRV"),
        ["allocation"] = ("配额分配", "Allocation"),
        ["registry"] = ("注册登记", "Registry"),
        ["trading"] = ("交易", "Trading"),
        ["compliance"] = ("履约", "Compliance"),
        ["offsets"] = ("抵销项目", "Offsets"),
        ["inclusion"] = ("碳普惠", "Carbon inclusion"),
        ["dualcontrol"] = ("能耗双控", "Energy dual control"),
        ["code"] = ("统一社会信用代码", "Unified social credit code"),
        ["name"] = ("名称", "Name"),
        ["kind"] = ("类型", "Kind"),
        ["sector"] = ("行业", "Sector"),
        ["region"] = ("地区", "Region"),
        ["status"] = ("状态", "Status"),
        ["add"] = ("新增企业", "Add company"),
        ["edit"] = ("编辑", "Edit"),
        ["save"] = ("保存", "Save"),
        ["import"] = ("导入 Excel/CSV", "Import Excel/CSV"),
        ["export"] = ("导出 Excel", "Export Excel"),
        ["template"] = ("下载模板", "Download template"),
        ["search"] = ("搜索", "Search"),
        ["all"] = ("全部", "All"),
        ["history"] = ("变更历史", "History of changes"),
        ["saved"] = ("已保存。", "Saved."),
        ["fixerrors"] = ("请更正以下错误：", "Please correct the errors below:"),
        ["importdone"] = ("导入完成：新增 {0}，更新 {1}，未变 {2}。", "Imported: {0} added, {1} updated, {2} unchanged."),
        ["importfailed"] = ("文件有错误，未导入任何数据：", "The file has errors; nothing was imported:"),
        ["file"] = ("文件", "File"),
        ["row"] = ("行", "Row"),
        ["column"] = ("列", "Column"),
        ["message"] = ("说明", "Message"),
        ["when"] = ("时间", "When"),
        ["actor"] = ("操作人", "Actor"),
        ["change"] = ("变更", "Change"),
        ["subject"] = ("对象", "Subject"),
        ["verify"] = ("校验哈希链", "Verify hash chain"),
        ["intact"] = ("日志完整：已校验 {0} 条记录。", "Journal intact: {0} entries checked."),
        ["broken"] = ("日志第 {0} 条被篡改或缺失：{1}", "Journal entry {0} was altered or is missing: {1}"),
        ["welcome"] = ("欢迎，{0}", "Welcome, {0}"),
        ["demo"] = ("演示账户（密码 {0}）", "Demo sign-ins (password {0})"),
        ["role"] = ("角色", "Role"),
        ["newtoken"] = ("新建令牌", "New token"),
        ["tokenshown"] = ("请立即复制此令牌，它不会再次显示：", "Copy this token now; it will not be shown again:"),
        ["revoke"] = ("吊销", "Revoke"),
        ["revoked"] = ("已吊销", "revoked"),
        ["created"] = ("创建时间", "Created"),
        ["prev"] = ("上一页", "Previous"),
        ["next"] = ("下一页", "Next"),
        ["total"] = ("共 {0} 条", "{0} in all"),
        ["method"] = ("方法", "Method"),
        ["path"] = ("路径", "Path"),
        ["who"] = ("可用角色", "Who may call"),
        ["summary"] = ("说明", "Summary"),
        ["Regulator"] = ("主管部门", "Regulator"),
        ["CompanyRepresentative"] = ("企业代表", "Company representative"),
        ["Verifier"] = ("核查机构", "Verifier"),
        ["ExchangeMember"] = ("交易所会员", "Exchange member"),
        ["Auditor"] = ("审计", "Auditor"),
        ["Citizen"] = ("公众", "Citizen"),
        ["Company"] = ("控排企业", "Company"),
        ["Exchange"] = ("交易所", "Exchange"),
        ["Investor"] = ("投资机构", "Investor"),
        ["Covered"] = ("纳入", "Covered"),
        ["NewEntrant"] = ("新建项目", "New entrant"),
        ["Left"] = ("退出", "Left"),
        ["Power"] = ("电力", "Power"),
        ["Cement"] = ("水泥", "Cement"),
        ["Steel"] = ("钢铁", "Steel"),
        ["Petrochemical"] = ("石化", "Petrochemical"),
        ["Paper"] = ("造纸", "Paper"),
        ["Aviation"] = ("民航", "Aviation"),
        ["Other"] = ("其他", "Other"),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text for <paramref name="key"/> in the current language; the key itself when unknown.</summary>
    public static string T(string key) =>
        Strings.TryGetValue(key, out var s) ? (IsEnglish ? s.En : s.Zh) : key;

    /// <summary>The text with its placeholders filled in.</summary>
    public static string T(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(key), args);

    /// <summary>The text of an enum value.</summary>
    public static string T(Enum value) => T(value.ToString());
}
