import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { getProfile, isDefaultProfile, updateNickname } from '@/services/user';
import './index.scss';

/**
 * 「设置昵称」: the friend sees the giver by nickname. Shown only while the profile is still the
 * default 微信用户; disappears once a nickname is saved. Silent when the profile cannot be read.
 */
export function GiftNicknamePrompt() {
  const [needed, setNeeded] = useState(false);
  const [nickname, setNickname] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void getProfile().then((answer) => {
      if (active && answer.ok) setNeeded(isDefaultProfile(answer.data));
    });
    return () => {
      active = false;
    };
  }, []);

  if (!needed) return null;

  const save = async () => {
    setSaving(true);
    const answer = await updateNickname(nickname);
    setSaving(false);
    if (answer.ok) setNeeded(false);
    else setMessage(answer.message);
  };

  return (
    <View className='nickname-prompt' data-testid='nickname-prompt'>
      <View className='nickname-prompt__title'>设置昵称</View>
      <View className='nickname-prompt__text'>好友会看到「微信用户送你一份礼物」，设置昵称让好友知道是你。</View>
      <View className='nickname-prompt__row'>
        <Input
          className='nickname-prompt__input'
          value={nickname}
          placeholder='你的昵称（1-20个字）'
          onChange={(value) => setNickname(value)}
        />
        <Button size='small' type='primary' loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
      {message && <View className='nickname-prompt__error'>{message}</View>}
    </View>
  );
}
