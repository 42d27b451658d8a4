// Forms replica set rs0 from the three StatefulSet members, once. Safe to run again: when
// the set already exists it only reports its state. Run by rs-initiate-job.yaml as
//   mongosh --nodb --quiet --file /scripts/rs-initiate.js
// The host names must match the cluster's DNS domain (cluster.local here) and the seed list
// of SPRING_MONGODB_URI in k8s/base/chat-suite-config.env.
const domain = 'mongodb.mongodb.svc.cluster.local';
const members = [0, 1, 2].map((i) => ({ _id: i, host: `mongodb-${i}.${domain}:27017` }));

function admin(host) {
  return new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=5000`).getDB('admin');
}

function waitFor(what, check, attempts = 60) {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = check();
      if (result) {
        return result;
      }
      print(`waiting for ${what}`);
    }
    catch (e) {
      if (attempt >= attempts) {
        throw e;
      }
      print(`waiting for ${what}: ${e.message}`);
    }
    if (attempt >= attempts) {
      throw new Error(`gave up waiting for ${what}`);
    }
    sleep(5000);
  }
}

// 1. Every member answers.
for (const member of members) {
  waitFor(member.host, () => admin(member.host).runCommand({ ping: 1 }).ok === 1);
}

// 2. Initiate unless the set already exists. Depending on the shell version a failed command
// throws or returns { ok: 0 }; both are handled.
function run(db, command) {
  try {
    return db.runCommand(command);
  }
  catch (e) {
    return { ok: 0, code: e.code, codeName: e.codeName, errmsg: e.message };
  }
}
// Initiating is only safe when no member has a configuration yet: a member that lost its
// volume gets the configuration from the others by itself, and must not start a second set.
const notInitiated = (status) => status.code === 94 || status.codeName === 'NotYetInitialized';
const statuses = members.map((member) => run(admin(member.host), { replSetGetStatus: 1 }));
const first = admin(members[0].host);
if (statuses.some((status) => status.ok === 1)) {
  print('replica set rs0 already initiated');
}
else if (statuses.every(notInitiated)) {
  print('initiating replica set rs0');
  const initiated = run(first, { replSetInitiate: { _id: 'rs0', members } });
  // 23 AlreadyInitialized: another run got there first.
  if (initiated.ok !== 1 && initiated.code !== 23) {
    throw new Error(`replSetInitiate failed: ${initiated.errmsg}`);
  }
}
else {
  throw new Error(`replSetGetStatus failed: ${statuses.map((status) => status.errmsg).join('; ')}`);
}

// 3. A primary is elected.
const primary = waitFor('a primary', () => run(first, { hello: 1 }).primary);
print(`replica set rs0 ready, primary ${primary}`);
