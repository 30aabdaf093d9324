/**
 * Seeds a running emulator with the demo county.
 * Usage: npm run seed -- --admin-url http://127.0.0.1:PORT/admin [--reset]
 */
import { configureSdkEnvironment } from '../runtime/sdk-env';
import { connectDatabase } from './connect';
import { seed } from './index';

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const adminUrl = argValue(args, '--admin-url') ?? process.env.EMULATOR_ADMIN_URL;
  if (!adminUrl) {
    console.error('用法：npm run seed -- --admin-url http://127.0.0.1:端口/admin [--reset]');
    process.exit(2);
  }
  configureSdkEnvironment({ adminUrl });
  const report = await seed(connectDatabase(), { now: new Date(), reset: args.includes('--reset') });
  const total = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
  console.log(`示例县演示数据已写入：${total} 条，用时 ${report.ms} ms`, report.counts);
}

main().catch((error: unknown) => {
  console.error('写入演示数据失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
