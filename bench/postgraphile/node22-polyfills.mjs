// PostGraphile 5 declares Node >= 22; this machine has Node 20, which lacks only
// Promise.withResolvers among what it uses (without it every SQL fetch fails with
// "Cannot read properties of undefined (reading 'items')"). Imported before PostGraphile.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}
