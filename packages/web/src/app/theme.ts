import type { ThemeConfig } from "antd";

export const brandBlue = "#0b4f9c";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandBlue,
    colorInfo: brandBlue,
    colorLink: brandBlue,
    colorError: "#c4262e",
    colorInfoBg: "#eef4fb",
    colorInfoBorder: "#b9d0ec",
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
    colorTextBase: "#1f2329",
  },
  components: {
    Layout: {
      headerBg: "#ffffff",
      siderBg: "#ffffff",
      bodyBg: "#f3f5f8",
      headerHeight: 56,
      headerPadding: "0 24px",
    },
    Menu: { itemBorderRadius: 2, itemSelectedBg: "#e8f0fa", itemSelectedColor: brandBlue },
    Card: { headerFontSize: 16 },
    Table: { headerBg: "#f5f7fa", headerColor: "#1f2329" },
  },
};
