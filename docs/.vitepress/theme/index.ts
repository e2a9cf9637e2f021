/// <reference types="vitepress/client" />
// VitePress's default theme in faultline's colours (those of the logo).
import DefaultTheme from 'vitepress/theme';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import './brand.css';

export default DefaultTheme;
