/**
 * One OS process of the race test: fires `attempts` concurrent seat grabs at one document and prints
 * {"successes":N} as its last line. mode "conditional" = one conditional update (the right way);
 * mode "read-then-write" = get, check, then update (the wrong way, the negative control).
 */
import { connectSdk } from '../helpers/sdk';

async function main(): Promise<void> {
  const [adminUrl, collection, id, attemptsText, cap, mode] = process.argv.slice(2);
  const { db } = connectSdk(adminUrl);
  const _ = db.command;
  const seats = db.collection(collection);
  const grab = async (): Promise<boolean> => {
    if (mode === 'conditional') {
      const result = await seats.where({ _id: id, taken: _.lt(Number(cap)) }).update({ data: { taken: _.inc(1) } });
      return result.stats.updated === 1;
    }
    const { data } = await seats.doc(id).get();
    if (data.taken >= Number(cap)) return false;
    await seats.doc(id).update({ data: { taken: _.inc(1) } });
    return true;
  };
  const results = await Promise.all(Array.from({ length: Number(attemptsText) }, grab));
  console.log(JSON.stringify({ successes: results.filter(Boolean).length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
