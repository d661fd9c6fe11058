import { answerStaticAssetRequest } from '../../shared/dashboard/answerStaticAssetRequest';

describe('answerStaticAssetRequest', () => {
  it('serves Chart.js from the installed package as JavaScript', () => {
    // Act
    const answer = answerStaticAssetRequest('chart.umd.js');

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers?.['content-type']).toMatch(/^text\/javascript/);
    expect(answer.body).toMatch(/Chart\.js v4\./);
  });

  it.each([
    ['dashboard.js', /^text\/javascript/, /dashboardCharts/],
    ['dashboard.css', /^text\/css/, /#005EB8/],
  ])('serves %s', (name, type, content) => {
    const answer = answerStaticAssetRequest(name);
    expect(answer.status).toBe(200);
    expect(answer.headers?.['content-type']).toMatch(type);
    expect(answer.body).toMatch(content);
  });

  it.each(['../package.json', '..%2Fpackage.json', 'chart.js', 'toString', '__proto__', '', undefined])('answers 404 for %p, which is not on the list', (name) => {
    expect(answerStaticAssetRequest(name).status).toBe(404);
  });
});
