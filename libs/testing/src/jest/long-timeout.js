// Integration and e2e tests start servers and move real data: give them room, not a race.
jest.setTimeout(120000);
