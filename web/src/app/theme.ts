// A sober government blue, with the header a shade darker.
import type { ThemeConfig } from 'antd';

export const PRIMARY = '#1d4f91';
export const HEADER_BG = '#163d70';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    // Contrast at least 4.5:1 on white (WCAG AA): links in the primary blue rather than antd's
    // lighter info blue, and secondary text and placeholders darker than antd's defaults.
    colorLink: PRIMARY,
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorError: '#cf1322',
    borderRadius: 4,
    // Selected menu items and tree nodes: a light tint of the primary, not the derived grey.
    controlItemBgActive: '#e3ecf8',
    controlItemBgActiveHover: '#d4e2f4',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: HEADER_BG, siderBg: '#fff', headerHeight: 56 },
  },
};
