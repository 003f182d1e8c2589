import type { ThemeConfig } from "antd";

// The brand blue and the muted text pass WCAG AA (4.5:1) on white; the focus ring stays visible.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#0b4f8a",
    colorLink: "#0b4f8a",
    colorError: "#b42318",
    colorSuccess: "#1e6b3a",
    colorWarning: "#9a5b00",
    colorTextSecondary: "#4a5868",
    colorTextDescription: "#4a5868",
    colorTextPlaceholder: "#5f6b7a",
    fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    borderRadius: 8,
  },
  components: {
    Layout: { headerBg: "#0b4f8a", siderBg: "#ffffff", bodyBg: "#f3f5f8", headerPadding: "0 16px" },
  },
};
