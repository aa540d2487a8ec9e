export type { ChannelProvider, OutboundMessage } from './channelProvider';
export { createSandboxProvider } from './sandboxProvider';
