import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../../src/components/app/Notices';
import { useLocaleStore } from '../../../src/i18n';
import { useNotices } from '../../../src/store/notices';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  useNotices.setState({ notices: [] });
});

describe('Notices', () => {
  it('shows each notice once, in the current language, until dismissed', async () => {
    render(<Notices />);
    act(() => {
      useNotices.getState().push({ id: 'storage', message: 'notice.storageUnreadable' });
      useNotices.getState().push({ id: 'storage', message: 'notice.storageUnreadable' });
    });
    expect(screen.getAllByText(/could not be read/)).toHaveLength(1);
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    expect(screen.getByText('无法读取此浏览器中保存的设置,已从课程的默认设置开始。')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByText(/无法读取/)).not.toBeInTheDocument();
  });
});
